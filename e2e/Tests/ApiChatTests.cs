using System.Net.WebSockets;
using System.Text;
using RealtimeApp.E2E.Pages;
using RealtimeApp.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace RealtimeApp.E2E.Tests;

public sealed class ApiChatTests(BrowserHost host)
{
    [Fact]
    public async Task MessageSentThroughTheApi_AppearsOnAnOpenChatPage()
    {
        var ct = TestContext.Current.CancellationToken;
        var (page, _) = await host.NewStaffAsync("reader");
        var (_, botEmail) = await host.NewStaffAsync("bot");
        var token = await host.App.CreateTokenAsync(botEmail, "release bot");
        var chat = new ChatPage(page);
        await chat.OpenAsync();
        var text = $"deployed build {Guid.NewGuid():N}"[..30];
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{host.App.BaseAddress.Authority}/api/ws?connectionParams=1"), ct);

        await SendAsync(socket, $$$"""{"method":"connectionParams","data":{"token":"{{{token}}}"}}""", ct);
        await SendAsync(socket, $$$"""{"id":1,"method":"mutation","params":{"input":{"roomId":"general","text":"{{{text}}}"},"path":"chat.send"}}""", ct);

        (await ReceiveAsync(socket, ct)).ShouldContain("\"type\":\"data\"");
        await Expect(chat.Message(text)).ToBeVisibleAsync();
        await Expect(chat.Message(text)).ToContainTextAsync(botEmail);
    }

    private static Task SendAsync(ClientWebSocket socket, string frame, CancellationToken ct) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, endOfMessage: true, ct);

    private static async Task<string> ReceiveAsync(ClientWebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        var received = await socket.ReceiveAsync(buffer, ct);
        return Encoding.UTF8.GetString(buffer, 0, received.Count);
    }
}
