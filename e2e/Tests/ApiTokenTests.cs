using System.Net.WebSockets;
using System.Text;
using RealtimeApp.E2E.Pages;
using RealtimeApp.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace RealtimeApp.E2E.Tests;

public sealed class ApiTokenTests(BrowserHost host)
{
    [Fact]
    public async Task Token_CreatedInTheUi_ConnectsToTheApi_UntilRevokedInTheUi()
    {
        var ct = TestContext.Current.CancellationToken;
        var (page, _) = await host.NewStaffAsync("tok");
        var tokens = new ApiTokensPage(page);
        await tokens.OpenFromNavigationAsync();

        var secret = await tokens.CreateAsync("e2e script", "chat:read", "tasks:write");
        await Expect(tokens.OneTimeWarning).ToBeVisibleAsync();
        await Expect(tokens.Row("e2e script")).ToContainTextAsync("chat:read, tasks:write");
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", $"Bearer {secret}");
        await socket.ConnectAsync(new Uri($"ws://{host.App.BaseAddress.Authority}/api/ws"), ct);
        await socket.SendAsync(Encoding.UTF8.GetBytes("""{"id":1,"method":"query","params":{"path":"no.such"}}"""), WebSocketMessageType.Text, true, ct);
        var buffer = new byte[4096];
        var answer = await socket.ReceiveAsync(buffer, ct);
        Encoding.UTF8.GetString(buffer, 0, answer.Count).ShouldContain("NOT_FOUND");

        await tokens.RevokeAsync("e2e script");

        await Expect(tokens.Row("e2e script")).ToHaveCountAsync(0);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        var closing = await socket.ReceiveAsync(buffer, timeout.Token);
        closing.MessageType.ShouldBe(WebSocketMessageType.Close);
        socket.CloseStatus.ShouldBe((WebSocketCloseStatus)4001);
    }
}
