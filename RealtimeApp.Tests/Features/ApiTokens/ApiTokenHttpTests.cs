using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Realtime.Http.Support;
using RealtimeApp.Tests.Realtime.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.ApiTokens;
using RealtimeApp.Web.Features.Users.Administration;
using StoredMessage = RealtimeApp.Domain.Chat.ChatMessage;
using static RealtimeApp.Tests.Realtime.Http.Support.TrpcHttp;

namespace RealtimeApp.Tests.Features.ApiTokens;

/// <summary>
/// <c>/api/trpc</c> with real API tokens: a valid token calls as its owner (Bearer or connectionParams); a revoked or
/// expired one is refused with 401 and changes nothing; an open SSE stream ends (without <c>return</c>, so the client
/// resumes) when its token is revoked or its owner locked out, and leaves the registry.
/// </summary>
public sealed class ApiTokenHttpTests : IAsyncLifetime
{
    private const string WhoAmI = Base + "test.whoami";
    private const string RoomsList = Base + "rooms.list";
    private const string AnaAnswer = """{"result":{"data":"ana@example.com"}}""";

    private static readonly string OnGeneral = Base + "chat.onMessage?input=" + Input("""{"roomId":"general"}""");

    private readonly ApiTokenAppHost _host = new();
    private HttpClient _http = null!;
    private Actor _ana = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _ana = await _host.CreateStaffAsync("ana@example.com");
        _http = _host.CreateHttpClient();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Query_AnswersAsTheTokensOwner_WhenTheTokenIsABearer()
    {
        var token = await _host.CreateTokenAsync(_ana, "ci");

        var answer = await _http.GetTrpcAsync(WhoAmI, bearer: token.Secret);

        answer.Status.ShouldBe(200);
        answer.Body.ShouldBe(AnaAnswer);
    }

    [Fact]
    public async Task Query_AnswersAsTheTokensOwner_WhenTheTokenIsInConnectionParams()
    {
        var token = await _host.CreateTokenAsync(_ana, "ci");

        var answer = await _http.GetTrpcAsync(WhoAmI + "?" + ConnectionParams(token.Secret), bearer: null);

        answer.Status.ShouldBe(200);
        answer.Body.ShouldBe(AnaAnswer);
    }

    [Fact]
    public async Task RoomsList_AnswersTheRooms_WhenTheTokenIsValid()
    {
        var token = await _host.CreateTokenAsync(_ana, "ci");

        var answer = await _http.GetTrpcAsync(RoomsList, bearer: token.Secret);

        answer.Status.ShouldBe(200);
        answer.ContentType.ShouldBe("application/json");
        using var body = JsonDocument.Parse(answer.Body);
        var rooms = body.RootElement.GetProperty("result").GetProperty("data").EnumerateArray().ToList();
        var general = rooms.Where(room => room.GetProperty("id").GetString() == "general").ShouldHaveSingleItem();
        general.GetProperty("name").GetString().ShouldBe("general");
        general.GetProperty("isPrivate").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Mutation_PostsAsTheTokensOwner_WhenTheTokenIsValid()
    {
        var token = await _host.CreateTokenAsync(_ana, "ci");

        var answer = await _http.PostTrpcAsync(Base + "chat.send", """{"roomId":"general","text":"from the script"}""", bearer: token.Secret);

        answer.Status.ShouldBe(200);
        var stored = (await StoredMessagesAsync()).ShouldHaveSingleItem();
        stored.AuthorId.ShouldBe(_ana.UserId);
        stored.Text.ShouldBe("from the script");
    }

    [Fact]
    public async Task EveryCall_Answers401TokenRevoked_WhenTheTokenWasRevoked()
    {
        var token = await _host.CreateTokenAsync(_ana, "ci");
        (await _http.GetTrpcAsync(RoomsList, bearer: token.Secret)).Status.ShouldBe(200);

        await _host.Tokens.RevokeAsync(_ana, token.Token.Id, Ct);
        var bearer = await _http.GetTrpcAsync(RoomsList, bearer: token.Secret);
        var connectionParams = await _http.GetTrpcAsync(RoomsList + "?" + ConnectionParams(token.Secret), bearer: null);
        var batch = await _http.GetTrpcAsync(Base + "rooms.list,test.whoami?batch=1", bearer: token.Secret);

        bearer.Status.ShouldBe(401);
        bearer.ContentType.ShouldBe("application/json");
        bearer.Body.ShouldBe(Unauthorized(ApiTokenService.RevokedReason, "rooms.list"));
        connectionParams.Status.ShouldBe(401);
        connectionParams.Body.ShouldBe(Unauthorized(ApiTokenService.RevokedReason, "rooms.list"));
        batch.Status.ShouldBe(401);
        batch.Body.ShouldBe($"[{Unauthorized(ApiTokenService.RevokedReason, "rooms.list")},{Unauthorized(ApiTokenService.RevokedReason, "test.whoami")}]");
    }

    [Fact]
    public async Task Mutation_Answers401AndWritesNothing_WhenTheTokenWasRevoked()
    {
        var token = await _host.CreateTokenAsync(_ana, "ci");
        await _host.Tokens.RevokeAsync(_ana, token.Token.Id, Ct);

        var answer = await _http.PostTrpcAsync(Base + "chat.send", """{"roomId":"general","text":"from a revoked token"}""", bearer: token.Secret);

        answer.Status.ShouldBe(401);
        answer.Body.ShouldBe(Unauthorized(ApiTokenService.RevokedReason, "chat.send"));
        (await StoredMessagesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Query_Answers401TokenExpired_WhenTheTokenHasExpired()
    {
        var token = await _host.CreateTokenAsync(_ana, "short", _host.Time.GetUtcNow().AddMinutes(10));
        (await _http.GetTrpcAsync(RoomsList, bearer: token.Secret)).Status.ShouldBe(200);

        _host.Time.Advance(TimeSpan.FromMinutes(11));
        var answer = await _http.GetTrpcAsync(RoomsList, bearer: token.Secret);

        answer.Status.ShouldBe(401);
        answer.Body.ShouldBe(Unauthorized(ApiTokenService.ExpiredReason, "rooms.list"));
    }

    [Fact]
    public async Task Subscription_EndsWithoutReturnAndLeavesTheRegistry_WhenItsTokenIsRevoked()
    {
        var token = await _host.CreateTokenAsync(_ana, "ci");
        await using var stream = await OpenOnGeneralAsync(token.Secret);
        var connected = await stream.NextAsync();
        await Eventually.WaitUntilAsync(() => _host.Registry.Count == 1, "the stream is registered");

        await _host.Tokens.RevokeAsync(_ana, token.Token.Id, Ct);
        var rest = await stream.NextNotPingAsync();

        connected.ShouldBe(SseEvents.Connected);
        rest.ShouldBeNull();
        await Eventually.WaitUntilAsync(() => _host.Registry.Count == 0, "the stream has left the registry");
        _host.Registry.Connections.ShouldBeEmpty();
    }

    [Fact]
    public async Task Subscription_IsRefusedWithUnauthorizedAfterConnected_WhenReopenedWithTheRevokedToken()
    {
        var token = await _host.CreateTokenAsync(_ana, "ci");
        await using (var first = await OpenOnGeneralAsync(token.Secret))
        {
            await first.NextAsync();
            await Eventually.WaitUntilAsync(() => _host.Registry.Count == 1, "the stream is registered");
            await _host.Tokens.RevokeAsync(_ana, token.Token.Id, Ct);
            (await first.NextNotPingAsync()).ShouldBeNull();
        }

        await using var reopened = await OpenOnGeneralAsync(token.Secret);
        var events = new[] { await reopened.NextAsync(), await reopened.NextAsync(), await reopened.NextAsync() };

        reopened.Status.ShouldBe(200);
        events.ShouldBe([SseEvents.Connected, SseEvents.Error(Error(ApiTokenService.RevokedReason, "chat.onMessage")), null]);
        _host.Registry.Count.ShouldBe(0);
    }

    [Fact]
    public async Task Subscription_EndsWithoutReturn_WhenAnAdministratorLocksTheOwner()
    {
        var token = await _host.CreateTokenAsync(_ana, "ci");
        await using var stream = await OpenOnGeneralAsync(token.Secret);
        await stream.NextAsync();
        await Eventually.WaitUntilAsync(() => _host.Registry.Count == 1, "the stream is registered");

        var locked = await _host.App.Services.GetRequiredService<UserAdministration>().LockAsync(await AdminAsync(), _ana.UserId, Ct);
        var rest = await stream.NextNotPingAsync();

        locked.Failure.ShouldBeNull();
        rest.ShouldBeNull();
        await Eventually.WaitUntilAsync(() => _host.Registry.Count == 0, "the stream has left the registry");
    }

    [Fact]
    public async Task Subscription_EndsWithinTheSweepInterval_WhenTheOwnerIsLockedOut()
    {
        var token = await _host.CreateTokenAsync(_ana, "ci");
        await using var stream = await OpenOnGeneralAsync(token.Secret);
        await stream.NextAsync();
        await Eventually.WaitUntilAsync(() => _host.Registry.Count == 1, "the stream is registered");
        // Locked out as failed sign-ins (or another node) do it: straight in the database, nothing closes the stream
        // but the sweeper.
        await LockOutAsync(_ana.UserId, _host.Time.GetUtcNow().AddMinutes(15));

        _host.Time.Advance(TimeSpan.FromSeconds(_host.App.Services.GetRequiredService<IOptions<ApiTokenOptions>>().Value.SweepSeconds));
        var rest = await stream.NextNotPingAsync();

        rest.ShouldBeNull();
        await Eventually.WaitUntilAsync(() => _host.Registry.Count == 0, "the stream has left the registry");
    }

    [Fact]
    public async Task Query_IsRefusedAtOnce_WhenAnAdministratorLocksTheOwnerAfterAValidRequest()
    {
        var token = await _host.CreateTokenAsync(_ana, "ci");
        (await _http.GetTrpcAsync(WhoAmI, bearer: token.Secret)).Status.ShouldBe(200);

        await _host.App.Services.GetRequiredService<UserAdministration>().LockAsync(await AdminAsync(), _ana.UserId, Ct);
        var answer = await _http.GetTrpcAsync(WhoAmI, bearer: token.Secret);

        answer.Status.ShouldBe(401);
        answer.Body.ShouldBe(Unauthorized("account locked", "test.whoami"));
    }

    [Fact]
    public async Task Query_IsRefusedWithinTheSweepInterval_WhenTheTokenIsRevokedElsewhere()
    {
        var token = await _host.CreateTokenAsync(_ana, "ci");
        (await _http.GetTrpcAsync(WhoAmI, bearer: token.Secret)).Status.ShouldBe(200);
        // Revoked straight in the database, as another node would: this node remembers the validation for a moment.
        await RevokeInDatabaseAsync(token.Token.Id);

        var remembered = await _http.GetTrpcAsync(WhoAmI, bearer: token.Secret);
        _host.Time.Advance(TimeSpan.FromSeconds(_host.App.Services.GetRequiredService<IOptions<ApiTokenOptions>>().Value.SweepSeconds));
        var afterInterval = await _http.GetTrpcAsync(WhoAmI, bearer: token.Secret);

        remembered.Status.ShouldBe(200);
        afterInterval.Status.ShouldBe(401);
        afterInterval.Body.ShouldBe(Unauthorized("token revoked", "test.whoami"));
    }

    /// <summary>Opens <c>chat.onMessage</c> on #general with the token in connectionParams, as the official SSE link sends it.</summary>
    private Task<SseStream> OpenOnGeneralAsync(string secret) =>
        SseStream.OpenAsync(_http, OnGeneral + "&" + ConnectionParams(secret), bearer: null);

    private static string ConnectionParams(string secret) => "connectionParams=" + Input($$"""{"token":"{{secret}}"}""");

    private static string Error(string message, string path) =>
        $$$"""{"message":"{{{message}}}","code":-32001,"data":{"code":"UNAUTHORIZED","httpStatus":401,"path":"{{{path}}}"}}""";

    private static string Unauthorized(string message, string path) => $$$"""{"error":{{{Error(message, path)}}}}""";

    private async Task<List<StoredMessage>> StoredMessagesAsync()
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().ChatMessages.AsNoTracking().ToListAsync(Ct);
    }

    private async Task RevokeInDatabaseAsync(int tokenId)
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        var now = _host.Time.GetUtcNow();
        await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().ApiTokens
            .Where(t => t.Id == tokenId)
            .ExecuteUpdateAsync(setters => setters.SetProperty(t => t.RevokedAt, now), Ct);
    }

    private async Task LockOutAsync(string userId, DateTimeOffset until)
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId);
        (await users.SetLockoutEndDateAsync(user!, until)).Succeeded.ShouldBeTrue();
    }

    private async Task<Actor> AdminAsync()
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        var admin = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(RealtimeAppFactory.AdminEmail);
        return new Actor(admin!.Id, admin.Email!, new HashSet<string> { Roles.Admin });
    }
}
