using System.Net.WebSockets;
using System.Text;
using RealtimeApp.Domain.Users;
using RealtimeApp.E2E.Support;

namespace RealtimeApp.E2E.Tests;

/// <summary>Graceful shutdown on real Kestrel, which waits for open requests (our sockets) before it lets the host stop.</summary>
public sealed class ApiShutdownTests
{
    [Fact]
    public async Task Shutdown_SendsReconnectThenClosesWith1001_OnKestrel()
    {
        var ct = TestContext.Current.CancellationToken;
        var app = new KestrelAppFactory();
        await using var _ = app;
        app.Start();
        await app.CreateUserAsync("script@example.com", "Script#Pass1", Roles.Staff);
        var token = await app.CreateTokenAsync("script@example.com", "shutdown check");
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{app.BaseAddress.Authority}/api/ws?connectionParams=1"), ct);
        await SendAsync(socket, $$$"""{"method":"connectionParams","data":{"token":"{{{token}}}"}}""", ct);
        await SendAsync(socket, """{"id":1,"method":"query","params":{"path":"rooms.list"}}""", ct);
        (await ReceiveAsync(socket, ct)).Text.ShouldStartWith("""{"id":1,"result":{"type":"data",""");

        var stopping = app.DisposeAsync().AsTask();
        var notice = await ReceiveAsync(socket, ct);
        var close = await ReceiveAsync(socket, ct);
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ct);
        await stopping;

        notice.Text.ShouldBe("""{"id":null,"method":"reconnect"}""");
        close.Type.ShouldBe(WebSocketMessageType.Close);
        socket.CloseStatus.ShouldBe(WebSocketCloseStatus.EndpointUnavailable);
        socket.CloseStatusDescription.ShouldBe("server shutting down");
    }

    private static Task SendAsync(ClientWebSocket socket, string frame, CancellationToken ct) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, endOfMessage: true, ct);

    private static async Task<(WebSocketMessageType Type, string Text)> ReceiveAsync(ClientWebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        var received = await socket.ReceiveAsync(buffer, ct);
        return (received.MessageType, Encoding.UTF8.GetString(buffer, 0, received.Count));
    }
}
