using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RealtimeApp.Domain.RateLimits;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Features.ApiTokens;
using RealtimeApp.Tests.Features.RateLimits.Support;
using RealtimeApp.Tests.Realtime.Http.Support;
using RealtimeApp.Tests.Realtime.Support;
using RealtimeApp.Tests.Support;
using static RealtimeApp.Tests.Realtime.Http.Support.TrpcHttp;

namespace RealtimeApp.Tests.Realtime.Logging;

/// <summary>An operator can follow one API connection in the logs, and never finds a secret there.</summary>
public sealed class ApiConnectionLogTests : IAsyncLifetime
{
    private const string MessageText = "the lighthouse keeper's secret recipe";
    private const string ClientParam = "ci-runner-7f3a";

    private readonly LogRecorder _logs = new();
    private readonly ApiTokenAppHost _host;
    private Actor _ana = null!;

    public ApiConnectionLogTests() =>
        _host = new ApiTokenAppHost(
            new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Trace",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Trace",
            },
            services => services.AddSingleton<ILoggerProvider>(_logs));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _ana = await _host.CreateStaffAsync("ana@example.com");

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Session_LogsOpenedAuthenticatedRateLimitedClosed_WithConnectionAndUserInScope()
    {
        // One request per second and no burst, on a clock that stands still: the second request is refused.
        await RateLimitSettings.SetOverrideAsync(_host.App.Services, _ana.UserId, new RateLimitValues(RequestsPerSecond: 1, Burst: 1));
        var token = await _host.CreateTokenAsync(_ana, "ci");
        await using var client = await _host.ConnectAsync(configure: request => request.Headers.Authorization = $"Bearer {token.Secret}");

        await client.SendAsync(Send(MessageText));
        (await client.ReceiveAsync()).ShouldContain("\"result\"");
        await client.SendAsync("""{"id":2,"method":"query","params":{"path":"test.whoami"}}""");
        (await client.ReceiveAsync()).ShouldContain("TOO_MANY_REQUESTS");
        await client.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done for today", Ct);
        await Eventually.WaitUntilAsync(() => ApiEvents().Any(entry => entry.EventId.Id == 4203), "the connection's end is logged");

        var lines = ApiEvents();
        lines.Select(entry => entry.EventId.Id).ShouldBe([4200, 4201, 4205, 4203]);
        var connectionId = lines[0].ScopeValue("ApiConnectionId");
        connectionId.ShouldNotBeNullOrEmpty();
        lines.ShouldAllBe(entry => entry.ScopeValue("ApiConnectionId") == connectionId && entry.ScopeValue("Transport") == "websocket");
        lines.Skip(1).ShouldAllBe(entry => entry.ScopeValue("UserId") == _ana.UserId);
        lines[2].Message.ShouldContain("test.whoami");
        lines[3].Message.ShouldStartWith("API connection closed by the client with 1000 (done for today)");
        _logs.AllTexts().ShouldNotContain(text => text.Contains(token.Secret, StringComparison.Ordinal) || text.Contains(MessageText, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("unknown", "invalid token")]
    [InlineData("revoked", "token revoked")]
    public async Task FailedAuthentication_LogsTheReason_WithoutTheToken(string kind, string reason)
    {
        var secret = kind == "unknown" ? "rtapp_not-a-token-of-this-app" : await RevokedTokenAsync();
        await using var client = await _host.ConnectAsync(configure: request => request.Headers.Authorization = $"Bearer {secret}");

        await client.ReceiveCloseAsync();
        await Eventually.WaitUntilAsync(() => ApiEvents().Any(entry => entry.EventId.Id == 4203), "the refused connection's end is logged");

        var failure = ApiEvents().Where(entry => entry.EventId.Id == 4202).ShouldHaveSingleItem();
        failure.Level.ShouldBe(LogLevel.Warning);
        failure.Message.ShouldBe($"API authentication failed: {reason}");
        ApiEvents().ShouldNotContain(entry => entry.EventId.Id == 4201);
        _logs.AllTexts().ShouldNotContain(text => text.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoLogLine_HoldsTheTokenConnectionParamsOrMessageText_OnEitherTransport()
    {
        var token = await _host.CreateTokenAsync(_ana, "ci");
        await using var client = await _host.ConnectAsync("?connectionParams=1");
        await client.SendAsync($$$"""{"method":"connectionParams","data":{"token":"{{{token.Secret}}}","client":"{{{ClientParam}}}"}}""");
        await client.SendAsync(Send(MessageText + " (ws)"));
        (await client.ReceiveAsync()).ShouldContain("\"result\"");
        var connectionParams = Input($$"""{"token":"{{token.Secret}}","client":"{{ClientParam}}"}""");

        var answer = await _host.CreateHttpClient().PostTrpcAsync(
            Base + "chat.send?connectionParams=" + connectionParams, $$"""{"roomId":"general","text":"{{MessageText}} (http)"}""", bearer: null);
        await client.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, Ct);
        await Eventually.WaitUntilAsync(() => ApiEvents().Any(entry => entry.EventId.Id == 4203), "the connection's end is logged");

        answer.Status.ShouldBe(200);
        _logs.Entries.ShouldContain(entry => entry.EventId.Id == 4201);
        _logs.Entries.Count.ShouldBeGreaterThan(20, "every category logs at Trace here, so the check below covers the framework's lines too");
        _logs.AllTexts().ShouldNotContain(text =>
            text.Contains(token.Secret, StringComparison.Ordinal) || text.Contains(ClientParam, StringComparison.Ordinal) || text.Contains(MessageText, StringComparison.Ordinal));
    }

    private static string Send(string text) =>
        """{"id":1,"method":"mutation","params":{"path":"chat.send","input":{"roomId":"general","text":""" + "\"" + text + "\"}}}";

    private List<RecordedLog> ApiEvents() => [.. _logs.Entries.Where(entry => entry.EventId.Id is >= 4200 and < 4220)];

    private async Task<string> RevokedTokenAsync()
    {
        var created = await _host.CreateTokenAsync(_ana, "old");
        await _host.Tokens.RevokeAsync(_ana, created.Token.Id, Ct);
        return created.Secret;
    }
}
