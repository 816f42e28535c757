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
    public async Task Shutdown_KeepsDeliveringDuringTheDrain_RefusesAMoveToThisNode_AndCompletesWhenTheClientLeaves()
    {
        var ana = await _host.CreateUserAsync("ana");
        var old = await _host.ConnectAsync(ana);
        await old.SendAsync("""{"id":1,"method":"subscription","params":{"input":{"roomId":"general"},"path":"chat.onMessage"}}""");
        (await old.ReceiveAsync()).ShouldBe("""{"id":1,"result":{"type":"started"}}""");
        await _host.PostAsync(ana, Room.GeneralId, "before the restart");
        await old.ReceiveAsync();

        var stopping = _host.StopAsync();
        (await old.ReceiveAsync()).ShouldBe("""{"id":null,"method":"reconnect"}""");
        // What the official client does on the reconnect notice: open a new socket (here refused: this node is going),
        // keeping the old one until the new one is open.
        var move = await Should.ThrowAsync<InvalidOperationException>(() => _host.ConnectAsync(ana));
        await _host.PostAsync(ana, Room.GeneralId, "during the drain");
        var duringDrain = await old.ReceiveAsync();
        await old.SendAsync("""{"id":1,"method":"subscription.stop"}""");
        await old.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, TestContext.Current.CancellationToken);
        await stopping;

        move.Message.ShouldContain("503");
        duringDrain.ShouldContain("during the drain");
        duringDrain.ShouldContain("\"id\":\"2\"");
    }
}
