using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Domain.ApiTokens;
using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Realtime.Http.Support;
using RealtimeApp.Tests.Realtime.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;
using static RealtimeApp.Tests.Realtime.Http.Support.TrpcHttp;

namespace RealtimeApp.Tests.Features.ApiTokens;

/// <summary>
/// A token does what its scopes allow and nothing more, over <c>/api/ws</c> and <c>/api/trpc</c>: a call outside them
/// is FORBIDDEN naming the scope, the connection goes on; a subscription outside them never starts.
/// </summary>
public sealed class ApiTokenScopeTests : IAsyncLifetime
{
    private readonly ApiTokenAppHost _host = new();
    private readonly List<TrpcTestClient> _clients = [];
    private Actor _ana = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _ana = await _host.CreateStaffAsync("ana@example.com");

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        await _host.DisposeAsync();
    }

    [Theory]
    [InlineData(ApiScopes.RoomsRead, "query", "rooms.list", "null", "query", "chat.history", """{"roomId":"general"}""", ApiScopes.ChatRead)]
    [InlineData(ApiScopes.ChatRead, "query", "chat.history", """{"roomId":"general"}""", "mutation", "chat.send", """{"roomId":"general","text":"hi"}""", ApiScopes.ChatWrite)]
    [InlineData(ApiScopes.ChatWrite, "mutation", "chat.send", """{"roomId":"general","text":"hi"}""", "query", "tasks.list", "{}", ApiScopes.TasksRead)]
    [InlineData(ApiScopes.ChatWrite, "query", "chat.history", """{"roomId":"general"}""", "query", "rooms.list", "null", ApiScopes.RoomsRead)]
    [InlineData(ApiScopes.TasksRead, "query", "tasks.list", "{}", "mutation", "tasks.create", """{"title":"build"}""", ApiScopes.TasksWrite)]
    [InlineData(ApiScopes.TasksWrite, "mutation", "tasks.create", """{"title":"build"}""", "query", "agents.list", "null", ApiScopes.AgentsRead)]
    [InlineData(ApiScopes.AgentsReport, "mutation", "agents.report", """{"agentId":"runner-1","status":"idle"}""", "query", "agents.list", "null", ApiScopes.AgentsRead)]
    [InlineData(ApiScopes.AgentsRead, "query", "agents.list", "null", "mutation", "agents.report", """{"agentId":"runner-1"}""", ApiScopes.AgentsReport)]
    public async Task WebSocketCall_OutsideTheTokensScopes_IsForbiddenNamingTheScope_WhileOneInsideIsAnswered(
        string scope, string allowedMethod, string allowedPath, string allowedInput, string refusedMethod, string refusedPath, string refusedInput, string missing)
    {
        var token = await _host.CreateTokenAsync(_ana, "scoped", scopes: [scope]);
        var client = Track(await _host.ConnectWithTokenAsync(token.Secret));

        await client.SendAsync(Call(1, refusedMethod, refusedPath, refusedInput));
        var refused = await client.ReceiveAsync();
        await client.SendAsync(Call(2, allowedMethod, allowedPath, allowedInput));
        var allowed = await client.ReceiveAsync();

        refused.ShouldBe(Forbidden(1, missing, refusedPath));
        allowed.ShouldStartWith("""{"id":2,"result":{"type":"data""", customMessage: "the connection goes on and answers what the token may do");
    }

    [Fact]
    public async Task WebSocketCall_IsAnswered_WhateverItsProcedure_WhenTheTokenHasAll()
    {
        var token = await _host.CreateTokenAsync(_ana, "everything", scopes: [ApiScopes.All]);
        var client = Track(await _host.ConnectWithTokenAsync(token.Secret));

        await client.SendAsync(Call(1, "mutation", "chat.send", """{"roomId":"general","text":"hi"}"""));
        var sent = await client.ReceiveAsync();
        await client.SendAsync(Call(2, "query", "agents.list", "null"));
        var agents = await client.ReceiveAsync();

        sent.ShouldStartWith("""{"id":1,"result":{"type":"data""");
        agents.ShouldStartWith("""{"id":2,"result":{"type":"data""");
    }

    [Fact]
    public async Task RoomsWrite_OnAnAdministratorsToken_CreatesARoom_ButDoesNotPost()
    {
        var admin = await AdminAsync();
        var token = await _host.CreateTokenAsync(admin, "rooms bot", scopes: [ApiScopes.RoomsWrite]);
        var client = Track(await _host.ConnectWithTokenAsync(token.Secret));

        await client.SendAsync(Call(1, "mutation", "rooms.create", """{"name":"ops-scoped"}"""));
        var created = await client.ReceiveAsync();
        await client.SendAsync(Call(2, "mutation", "chat.send", """{"roomId":"general","text":"hi"}"""));
        var refused = await client.ReceiveAsync();

        created.ShouldStartWith("""{"id":1,"result":{"type":"data""");
        refused.ShouldBe(Forbidden(2, ApiScopes.ChatWrite, "chat.send"));
    }

    [Fact]
    public async Task WebSocketSubscription_OutsideTheTokensScopes_IsRefusedBeforeStarted()
    {
        var token = await _host.CreateTokenAsync(_ana, "agent", scopes: [ApiScopes.AgentsReport, ApiScopes.TasksWrite]);
        var client = Track(await _host.ConnectWithTokenAsync(token.Secret));

        await client.SendAsync("""{"id":1,"method":"subscription","params":{"path":"chat.onMessage","input":{"roomId":"general"}}}""");
        var refused = await client.ReceiveAsync();
        await client.SendAsync("""{"id":2,"method":"subscription","params":{"path":"tasks.onProgress","input":{"taskId":"none"}}}""");
        var allowedThrough = await client.ReceiveAsync();

        refused.ShouldBe(Forbidden(1, ApiScopes.ChatRead, "chat.onMessage"));
        allowedThrough.ShouldNotContain("FORBIDDEN", customMessage: "tasks:write includes tasks:read: the scope check lets it through (to its own NOT_FOUND)");
        _host.Registry.Connections.Single().SubscriptionCount.ShouldBe(0);
    }

    [Theory]
    [InlineData(ApiScopes.RoomsRead, "query", "rooms.list", null, "query", "chat.history", """{"roomId":"general"}""", ApiScopes.ChatRead)]
    [InlineData(ApiScopes.ChatRead, "query", "chat.history", """{"roomId":"general"}""", "mutation", "chat.send", """{"roomId":"general","text":"hi"}""", ApiScopes.ChatWrite)]
    [InlineData(ApiScopes.ChatWrite, "mutation", "chat.send", """{"roomId":"general","text":"hi"}""", "query", "tasks.list", "{}", ApiScopes.TasksRead)]
    [InlineData(ApiScopes.TasksRead, "query", "tasks.list", "{}", "mutation", "tasks.create", """{"title":"build"}""", ApiScopes.TasksWrite)]
    [InlineData(ApiScopes.TasksWrite, "mutation", "tasks.create", """{"title":"build"}""", "query", "agents.list", null, ApiScopes.AgentsRead)]
    [InlineData(ApiScopes.AgentsReport, "mutation", "agents.report", """{"agentId":"runner-1","status":"idle"}""", "query", "agents.list", null, ApiScopes.AgentsRead)]
    [InlineData(ApiScopes.AgentsRead, "query", "agents.list", null, "mutation", "agents.report", """{"agentId":"runner-1"}""", ApiScopes.AgentsReport)]
    public async Task HttpCall_OutsideTheTokensScopes_IsForbiddenWith403NamingTheScope_WhileOneInsideIsAnswered(
        string scope, string allowedMethod, string allowedPath, string? allowedInput, string refusedMethod, string refusedPath, string? refusedInput, string missing)
    {
        var token = await _host.CreateTokenAsync(_ana, "scoped", scopes: [scope]);
        using var http = _host.CreateHttpClient();

        var refused = await CallOverHttpAsync(http, refusedMethod, refusedPath, refusedInput, token.Secret);
        var allowed = await CallOverHttpAsync(http, allowedMethod, allowedPath, allowedInput, token.Secret);

        refused.Status.ShouldBe(403);
        refused.Body.ShouldBe($$"""{"error":{{ForbiddenError(missing, refusedPath)}}}""");
        allowed.Status.ShouldBe(200, allowed.Body);
    }

    [Fact]
    public async Task HttpCall_OutsideTheTokensScopes_IsForbiddenWith403_AndNothingIsPosted()
    {
        var token = await _host.CreateTokenAsync(_ana, "reader", scopes: [ApiScopes.ChatRead]);
        using var http = _host.CreateHttpClient();

        var refused = await http.PostTrpcAsync(Base + "chat.send", """{"roomId":"general","text":"hi"}""", bearer: token.Secret);
        var allowed = await http.GetTrpcAsync(Base + "chat.history?input=" + Input("""{"roomId":"general"}"""), bearer: token.Secret);

        refused.Status.ShouldBe(403);
        refused.Body.ShouldBe($$"""{"error":{{ForbiddenError(ApiScopes.ChatWrite, "chat.send")}}}""");
        allowed.Status.ShouldBe(200);
        allowed.Body.ShouldBe("""{"result":{"data":[]}}""", "nothing was posted");
    }

    [Fact]
    public async Task SseSubscription_OutsideTheTokensScopes_EndsWithTheForbiddenErrorInsteadOfData()
    {
        var token = await _host.CreateTokenAsync(_ana, "tasks", scopes: [ApiScopes.TasksRead]);
        using var http = _host.CreateHttpClient();

        await using var stream = await SseStream.OpenAsync(http, Base + "chat.onMessage?input=" + Input("""{"roomId":"general"}"""), bearer: token.Secret);
        var events = new[] { await stream.NextAsync(), await stream.NextAsync(), await stream.NextAsync() };

        events.ShouldBe([SseEvents.Connected, SseEvents.Error(ForbiddenError(ApiScopes.ChatRead, "chat.onMessage")), null]);
    }

    [Fact]
    public async Task Create_RefusesRoomsWrite_ForAStaffMember_AndCreatesNothing()
    {
        var created = await _host.Tokens.CreateAsync(_ana.UserId, "rooms bot", null, [ApiScopes.RoomsWrite, ApiScopes.ChatRead], Ct);

        created.Failure!.Kind.ShouldBe(FailureKind.Forbidden);
        created.Failure.Message.ShouldBe("Only an administrator's token may hold 'rooms:write'.");
        (await _host.Tokens.ListAsync(_ana, Ct)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(new string[0], "Choose at least one scope.")]
    [InlineData(new[] { "chat:read", "chat:admin" }, "Unknown scope 'chat:admin'; scopes are all, rooms:read, rooms:write, chat:read, chat:write, tasks:read, tasks:write, agents:report, agents:read.")]
    public async Task Create_RefusesAnEmptyOrUnknownScopeList_AndCreatesNothing(string[] scopes, string message)
    {
        var created = await _host.Tokens.CreateAsync(_ana.UserId, "bot", null, scopes, Ct);

        created.Failure!.Kind.ShouldBe(FailureKind.Invalid);
        created.Failure.Message.ShouldBe(message);
        (await _host.Tokens.ListAsync(_ana, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task List_ShowsEachTokensScopes()
    {
        await _host.CreateTokenAsync(_ana, "agent", scopes: [ApiScopes.TasksWrite, ApiScopes.AgentsReport]);

        var listed = (await _host.Tokens.ListAsync(_ana, Ct)).Single();

        listed.Scopes.ShouldBe([ApiScopes.TasksWrite, ApiScopes.AgentsReport], "in the order of ApiScopes.Known");
    }

    private static Task<HttpAnswer> CallOverHttpAsync(HttpClient http, string method, string path, string? input, string token) =>
        method == "query"
            ? http.GetTrpcAsync(Base + path + (input is null ? "" : "?input=" + Input(input)), bearer: token)
            : http.PostTrpcAsync(Base + path, input, bearer: token);

    private static string Call(int id, string method, string path, string input) =>
        $$$"""{"id":{{{id}}},"method":"{{{method}}}","params":{"path":"{{{path}}}","input":{{{input}}}}}""";

    private static string ForbiddenError(string scope, string path) =>
        $$$"""{"message":"This API token lacks the scope '{{{scope}}}' that {{{path}}} needs.","code":-32003,"data":{"code":"FORBIDDEN","httpStatus":403,"path":"{{{path}}}"}}""";

    private static string Forbidden(int id, string scope, string path) => $$$"""{"id":{{{id}}},"error":{{{ForbiddenError(scope, path)}}}}""";

    private TrpcTestClient Track(TrpcTestClient client)
    {
        _clients.Add(client);
        return client;
    }

    private async Task<Actor> AdminAsync()
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        var admin = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(RealtimeAppFactory.AdminEmail);
        return new Actor(admin!.Id, admin.Email!, new HashSet<string> { Roles.Admin });
    }
}
