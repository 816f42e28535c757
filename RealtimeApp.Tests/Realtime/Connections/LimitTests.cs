using System.Net.WebSockets;
using RealtimeApp.Tests.Realtime.Support;

namespace RealtimeApp.Tests.Realtime.Connections;

public sealed class LimitTests : ApiTestBase
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Api:MaxMessageBytes"] = "1024",
        ["Api:MaxSubscriptionsPerConnection"] = "2",
    };

    [Fact]
    public async Task Connection_IsClosedWith1009_WhenMessageExceedsMaxMessageBytes()
    {
        var client = await ConnectAliceAsync();

        await client.SendAsync("""{"id":1,"method":"query","params":{"path":"echo","input":""" + "\"" + new string('x', 2000) + "\"}}}");
        var (status, messages) = await client.ReceiveCloseAsync();

        messages.ShouldBeEmpty();
        status.ShouldBe(WebSocketCloseStatus.MessageTooBig);
    }

    [Fact]
    public async Task Subscription_IsBadRequest_AndConnectionStays_WhenMaxSubscriptionsAreActive()
    {
        var client = await ConnectAliceAsync();
        await client.SendAsync("""[{"id":1,"method":"subscription","params":{"path":"forever"}},{"id":2,"method":"subscription","params":{"path":"forever"}}]""");
        await client.ReceiveAsync(4);

        await client.SendAsync("""{"id":3,"method":"subscription","params":{"path":"forever"}}""");
        var error = await client.ReceiveAsync();
        await client.SendAsync("""{"id":4,"method":"query","params":{"path":"fast"}}""");

        error.ShouldBe("""{"id":3,"error":{"message":"Too many subscriptions on this connection (max 2)","code":-32600,"data":{"code":"BAD_REQUEST","httpStatus":400,"path":"forever"}}}""");
        (await client.ReceiveAsync()).ShouldBe("""{"id":4,"result":{"type":"data","data":"fast"}}""");
    }

    [Fact]
    public async Task Pong_LeavesAfterEveryFrameQueuedEarlier_WhenClientPings()
    {
        var client = await ConnectAliceAsync();
        for (var i = 0; i < 50; i++)
        {
            await client.SendAsync("[1]");
        }

        await client.SendAsync("PING");

        var frames = await client.ReceiveAsync(51);
        frames.Take(50).ShouldAllBe(f => f.Contains("\"message\":\"Not an object\""));
        frames[50].ShouldBe("PONG");
    }

    [Fact]
    public async Task Endpoint_Returns400WithExplanation_WhenRequestIsNotAWebSocket()
    {
        using var http = Host.CreateHttpClient();

        var response = await http.GetAsync("/api/ws", TestContext.Current.CancellationToken);

        ((int)response.StatusCode).ShouldBe(400);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("only accepts WebSocket connections");
    }
}
