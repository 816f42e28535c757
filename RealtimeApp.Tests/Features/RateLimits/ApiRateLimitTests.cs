using System.Net.WebSockets;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.RateLimits;
using RealtimeApp.Tests.Features.Chat.Api.Support;
using RealtimeApp.Tests.Features.RateLimits.Support;
using RealtimeApp.Tests.Realtime.Support;
using RealtimeApp.Web.Features.RateLimits;

namespace RealtimeApp.Tests.Features.RateLimits;

/// <summary>The stored policies on an open <c>/api/ws</c> connection: changed by an admin, applied to the next request.</summary>
public sealed class ApiRateLimitTests : IAsyncLifetime
{
    private const string HistoryQuery = """{"id":{0},"method":"query","params":{"path":"chat.history","input":{"roomId":"general"}}}""";

    private ChatApiHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ChatApiHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Request_IsTooManyRequestsAndConnectionStaysOpen_WhenAdminLoweredRateOnOpenConnection()
    {
        var ana = await _host.CreateUserAsync("ana");
        var client = await _host.ConnectAsync(ana);
        await client.SendAsync(Query(1));
        (await client.ReceiveAsync()).ShouldStartWith("""{"id":1,"result":""");

        await RateLimitSettings.SetOverrideAsync(_host.Services, ana.Id, new RateLimitValues(RequestsPerSecond: 1, Burst: 1));
        await client.SendAsync($"[{Query(2)},{Query(3)}]");
        var frames = await client.ReceiveAsync(2);
        await client.SendAsync("PING");

        // The two run concurrently; the first request already spent the single token the new burst allows.
        var refusals = frames.Where(f => f.Contains("TOO_MANY_REQUESTS", StringComparison.Ordinal)).ToList();
        refusals.Count.ShouldBeGreaterThanOrEqualTo(1, string.Join('\n', frames));
        var refused = Frame.Parse(refusals[0]);
        refused["error"]!["message"]!.GetValue<string>().ShouldStartWith("Too many requests (1 per second, burst 1). Try again in ");
        refused["error"]!["data"]!["code"]!.GetValue<string>().ShouldBe("TOO_MANY_REQUESTS");
        refused["error"]!["data"]!["retryAfterMs"]!.GetValue<long>().ShouldBeInRange(1, 1_000);
        (await client.ReceiveAsync()).ShouldBe("PONG");
        client.Socket.State.ShouldBe(WebSocketState.Open);
    }

    [Fact]
    public async Task Request_IsRefusedOnOpenConnection_WhenAdminLoweredTheApiDefault()
    {
        var ana = await _host.CreateUserAsync("ana");
        var client = await _host.ConnectAsync(ana);
        await client.SendAsync(Query(1));
        await client.ReceiveAsync();

        await RateLimitSettings.SetApiDefaultAsync(_host.Services, RateLimitDefaults.Seed.Api with { RequestsPerSecond = 1, Burst = 1 });
        await client.SendAsync($"[{Query(2)},{Query(3)}]");
        var frames = await client.ReceiveAsync(2);

        frames.ShouldContain(f => f.Contains("Too many requests (1 per second, burst 1).", StringComparison.Ordinal));
        _host.Get<RateLimitRefusals>().For(ana.Id).Requests.ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Subscription_IsRefusedAtNewLimit_WhenAdminLoweredSubscriptionsPerConnection()
    {
        var ana = await _host.CreateUserAsync("ana");
        var client = await _host.ConnectAsync(ana);
        await RateLimitSettings.SetOverrideAsync(_host.Services, ana.Id, new RateLimitValues(SubscriptionsPerConnection: 1));

        await client.SendAsync("""{"id":1,"method":"subscription","params":{"path":"chat.onMessage","input":{"roomId":"general"}}}""");
        (await client.ReceiveAsync()).ShouldContain("\"started\"");
        await client.SendAsync("""{"id":2,"method":"subscription","params":{"path":"chat.onMessage","input":{"roomId":"general"}}}""");
        var refused = await client.ReceiveAsync();

        refused.ShouldContain("Too many subscriptions on this connection (max 1)");
        refused.ShouldContain("BAD_REQUEST");
        await Eventually.WaitUntilAsync(() => _host.Get<RateLimitRefusals>().For(ana.Id).Subscriptions == 1, "the refusal is counted");
    }

    [Fact]
    public async Task Connection_IsClosedWith4029_WhenAdminLoweredConnectionsPerUser()
    {
        var ana = await _host.CreateUserAsync("ana");
        await RateLimitSettings.SetOverrideAsync(_host.Services, ana.Id, new RateLimitValues(ConnectionsPerUser: 1));
        var first = await _host.ConnectAsync(ana);
        await first.SendAsync(Query(1));
        await first.ReceiveAsync();

        var second = await _host.ConnectAsync(ana);
        var (status, messages) = await second.ReceiveCloseAsync();

        status.ShouldBe((WebSocketCloseStatus)4029);
        messages.ShouldHaveSingleItem().ShouldContain("Too many connections for this user (max 1)");
        await Eventually.WaitUntilAsync(() => _host.Get<RateLimitRefusals>().For(ana.Id).Connections == 1, "the refusal is counted");
    }

    [Fact]
    public async Task Send_IsRefused_WhenUiSpentTheSharedMessageBudget()
    {
        var ana = await _host.CreateUserAsync("ana");
        await RateLimitSettings.SetOverrideAsync(_host.Services, ana.Id, new RateLimitValues(MessagesPerMinute: 3));
        await _host.PostManyAsync(ana, Room.GeneralId, 1, 2);
        var client = await _host.ConnectAsync(ana);

        await client.SendAsync("""{"id":1,"method":"mutation","params":{"path":"chat.send","input":{"roomId":"general","text":"third, by the API"}}}""");
        (await client.ReceiveAsync()).ShouldStartWith("""{"id":1,"result":""");
        await client.SendAsync("""{"id":2,"method":"mutation","params":{"path":"chat.send","input":{"roomId":"general","text":"fourth, by the API"}}}""");
        var refused = await client.ReceiveAsync();
        var byUi = await _host.Get<RealtimeApp.Web.Features.Chat.ChatService>().PostAsync(ana.Actor, Room.GeneralId, "fifth, by the UI", TestContext.Current.CancellationToken);

        refused.ShouldContain("You are sending messages too quickly (3 per minute)");
        byUi.Failure.ShouldNotBeNull().Kind.ShouldBe(RealtimeApp.Domain.Common.FailureKind.RateLimited);
        _host.Get<RateLimitRefusals>().For(ana.Id).Messages.ShouldBe(2);
    }

    private static string Query(int id) => HistoryQuery.Replace("{0}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
