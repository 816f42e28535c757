using System.Net.WebSockets;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Tests.Features.Chat.Api.Support;

namespace RealtimeApp.Tests.Features.Chat.Api;

public sealed class ChatApiShutdownTests : IAsyncLifetime
{
    private ChatApiHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ChatApiHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Shutdown_Completes_WhenAClientMovesItsSubscriptionToANewConnectionDuringTheDrain()
    {
        var ana = await _host.CreateUserAsync("ana");
        var old = await _host.ConnectAsync(ana);
        await old.SendAsync("""{"id":1,"method":"subscription","params":{"input":{"roomId":"general"},"path":"chat.onMessage"}}""");
        (await old.ReceiveAsync()).ShouldBe("""{"id":1,"result":{"type":"started"}}""");
        await _host.PostAsync(ana, Room.GeneralId, "before the restart");
        await old.ReceiveAsync();

        // What the official client does on the reconnect notice: open a new socket, resubscribe there, stop and close the old one.
        var stopping = _host.StopAsync();
        (await old.ReceiveAsync()).ShouldBe("""{"id":null,"method":"reconnect"}""");
        var moved = await _host.ConnectAsync(ana);
        await moved.SendAsync("""{"id":1,"method":"subscription","params":{"input":{"roomId":"general","lastEventId":"1"},"path":"chat.onMessage"}}""");
        var movedFrames = await moved.ReceiveAsync(2);
        await old.SendAsync("""{"id":1,"method":"subscription.stop"}""");
        await old.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, TestContext.Current.CancellationToken);
        var (status, _) = await moved.ReceiveCloseAsync();
        await stopping;

        movedFrames.ShouldBe(["""{"id":null,"method":"reconnect"}""", """{"id":1,"result":{"type":"started"}}"""], ignoreOrder: true);
        status.ShouldBe(WebSocketCloseStatus.EndpointUnavailable);
    }
}
