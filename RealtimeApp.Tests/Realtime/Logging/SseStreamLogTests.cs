using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Features.ApiTokens;
using RealtimeApp.Tests.Realtime.Http.Support;
using RealtimeApp.Tests.Realtime.Support;
using RealtimeApp.Tests.Support;
using static RealtimeApp.Tests.Realtime.Http.Support.TrpcHttp;

namespace RealtimeApp.Tests.Realtime.Logging;

/// <summary>An SSE stream is a connection too: the operator sees it open, authenticate (or not) and close.</summary>
public sealed class SseStreamLogTests : IAsyncLifetime
{
    private static readonly string OnGeneral = Base + "chat.onMessage?input=" + Input("""{"roomId":"general"}""");

    private readonly LogRecorder _logs = new();
    private readonly ApiTokenAppHost _host;
    private Actor _ana = null!;

    public SseStreamLogTests() =>
        _host = new ApiTokenAppHost(
            new Dictionary<string, string?> { ["Logging:LogLevel:RealtimeApp"] = "Information" },
            services => services.AddSingleton<ILoggerProvider>(_logs));

    public async ValueTask InitializeAsync() => _ana = await _host.CreateStaffAsync("ana@example.com");

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Stream_LogsOpenedAuthenticatedAndClosedByTheClient_InItsScope()
    {
        var token = await _host.CreateTokenAsync(_ana, "ci");
        var stream = await SseStream.OpenAsync(_host.CreateHttpClient(), OnGeneral, bearer: token.Secret);
        (await stream.NextAsync()).ShouldBe(SseEvents.Connected);

        await stream.DisposeAsync();
        await Eventually.WaitUntilAsync(() => StreamEvents().Any(entry => entry.EventId.Id == 4203), "the stream's end is logged");

        var lines = StreamEvents();
        lines.Select(entry => entry.EventId.Id).ShouldBe([4200, 4201, 4203]);
        lines.Select(entry => entry.ScopeValue("ApiConnectionId")).Distinct().ShouldHaveSingleItem().ShouldNotBeNullOrEmpty();
        lines.Skip(1).ShouldAllBe(entry => entry.ScopeValue("UserId") == _ana.UserId);
        lines[2].Message.ShouldStartWith("API connection closed by the client");
    }

    [Fact]
    public async Task Stream_LogsWhyItWasRefused_WithoutTheToken_WhenTheTokenIsWrong()
    {
        const string secret = "rtapp_not-a-token-of-this-app";
        var connectionParams = "connectionParams=" + Input($$"""{"token":"{{secret}}"}""");
        await using var stream = await SseStream.OpenAsync(_host.CreateHttpClient(), OnGeneral + "&" + connectionParams, bearer: null);

        (await stream.NextAsync()).ShouldBe(SseEvents.Connected);
        (await stream.NextAsync()).ShouldNotBeNull().ShouldContain("invalid token");
        await Eventually.WaitUntilAsync(() => StreamEvents().Any(entry => entry.EventId.Id == 4203), "the refused stream's end is logged");

        var lines = StreamEvents();
        lines.Select(entry => entry.EventId.Id).ShouldBe([4200, 4202, 4203]);
        lines[1].Message.ShouldBe("API authentication failed: invalid token");
        lines[2].Message.ShouldContain("refused: invalid token");
        _logs.AllTexts().ShouldNotContain(text => text.Contains(secret, StringComparison.Ordinal) || text.Contains("not-a-token", StringComparison.Ordinal));
    }

    private List<RecordedLog> StreamEvents() =>
        [.. _logs.Entries.Where(entry => entry.EventId.Id is >= 4200 and < 4220 && entry.ScopeValue("Transport") == "sse")];
}
