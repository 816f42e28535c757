using System.Net.WebSockets;
using RealtimeApp.Tests.Realtime.Support;

namespace RealtimeApp.Tests.Realtime.Connections;

public sealed class ShutdownTests : ApiTestBase
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Api:ShutdownDrainSeconds"] = "3" };

    [Fact]
    public async Task Shutdown_SendsReconnectKeepsServingThenClosesWith1001_WhenClientStays()
    {
        var client = await ConnectAliceAsync();
        await client.SendAsync("""{"id":1,"method":"query","params":{"path":"fast"}}""");
        await client.ReceiveAsync();

        var stopping = Host.StopAsync();
        var notification = await client.ReceiveAsync();
        await client.SendAsync("""{"id":2,"method":"query","params":{"path":"fast"}}""");
        var answer = await client.ReceiveAsync();
        var (status, _) = await client.ReceiveCloseAsync();
        await stopping;

        notification.ShouldBe("""{"id":null,"method":"reconnect"}""");
        answer.ShouldBe("""{"id":2,"result":{"type":"data","data":"fast"}}""");
        status.ShouldBe(WebSocketCloseStatus.EndpointUnavailable);
        client.Socket.CloseStatusDescription.ShouldBe("server shutting down");
    }

    [Fact]
    public async Task Shutdown_AnswersTheCallsStillRunningThenCloses_AndRefusesNewOnesOnceTheDrainIsOver()
    {
        var client = await ConnectAliceAsync();
        await client.SendAsync("""{"id":1,"method":"query","params":{"path":"slow"}}""");
        await Host.State.SlowStarted.Task.WaitAsync(TestContext.Current.CancellationToken);

        var stopping = Host.StopAsync();
        var notification = await client.ReceiveAsync();
        await Eventually.WaitUntilAsync(() => Host.Registry.IsClosing, "the drain is over and the server closes its connections");
        await client.SendAsync("""{"id":2,"method":"query","params":{"path":"fast"}}""");
        var refusal = await client.ReceiveAsync();
        Host.State.SlowGate.SetResult();
        var answer = await client.ReceiveAsync();
        var (status, _) = await client.ReceiveCloseAsync();
        await stopping;

        notification.ShouldBe("""{"id":null,"method":"reconnect"}""");
        refusal.ShouldContain("\"id\":2,\"error\":");
        refusal.ShouldContain("SERVICE_UNAVAILABLE");
        answer.ShouldBe("""{"id":1,"result":{"type":"data","data":"slow"}}""", "the call running when the server closed is answered first");
        status.ShouldBe(WebSocketCloseStatus.EndpointUnavailable);
    }

    [Fact]
    public async Task Shutdown_FinishesDrainEarly_WhenEveryClientHasLeft()
    {
        var client = await ConnectAliceAsync();
        await client.SendAsync("""{"id":1,"method":"query","params":{"path":"fast"}}""");
        await client.ReceiveAsync();

        var stopping = Host.StopAsync();
        var notification = await client.ReceiveAsync();
        await client.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, TestContext.Current.CancellationToken);
        await stopping;

        notification.ShouldBe("""{"id":null,"method":"reconnect"}""");
        Host.Registry.Count.ShouldBe(0);
    }

    [Fact]
    public async Task Shutdown_RefusesTheUpgradeWith503_WhenAClientConnectsDuringTheDrain()
    {
        var staying = await ConnectAliceAsync();
        await staying.SendAsync("""{"id":1,"method":"query","params":{"path":"fast"}}""");
        await staying.ReceiveAsync();

        var stopping = Host.StopAsync();
        (await staying.ReceiveAsync()).ShouldBe("""{"id":null,"method":"reconnect"}""");
        var refused = await Should.ThrowAsync<InvalidOperationException>(ConnectAliceAsync);
        await staying.SendAsync("""{"id":2,"method":"query","params":{"path":"fast"}}""");
        var answer = await staying.ReceiveAsync();
        await staying.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, TestContext.Current.CancellationToken);
        await stopping;

        refused.Message.ShouldContain("503");
        answer.ShouldBe("""{"id":2,"result":{"type":"data","data":"fast"}}""", "the connection already open is still served while it drains");
    }

    [Fact]
    public async Task Shutdown_RefusesTheUpgradeWith503_WhenAClientConnectsWhileTheServerIsClosing()
    {
        var staying = await ConnectAliceAsync();
        await staying.SendAsync("""{"id":1,"method":"query","params":{"path":"fast"}}""");
        await staying.ReceiveAsync();

        var stopping = Host.StopAsync();
        (await staying.ReceiveAsync()).ShouldBe("""{"id":null,"method":"reconnect"}""");
        // The server's close frame has arrived and waits for our answer: the node is closing but still takes requests.
        (await staying.ReceiveMessageAsync()).Type.ShouldBe(WebSocketMessageType.Close);
        var refused = await Should.ThrowAsync<InvalidOperationException>(ConnectAliceAsync);
        await staying.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, TestContext.Current.CancellationToken);
        await stopping;

        refused.Message.ShouldContain("503");
        Host.Registry.Count.ShouldBe(0);
    }
}
