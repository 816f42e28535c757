using RealtimeApp.E2E.Pages;
using RealtimeApp.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace RealtimeApp.E2E.Tests;

public sealed class ChatTests(BrowserHost host)
{
    [Fact]
    public async Task Message_PostedByOneUser_AppearsLiveForAnother()
    {
        var (pageA, _) = await host.NewStaffAsync("ana");
        var (pageB, _) = await host.NewStaffAsync("ben");
        var chatA = new ChatPage(pageA);
        var chatB = new ChatPage(pageB);
        await chatA.OpenAsync();
        await chatB.OpenAsync();
        var text = $"hello from ana {Guid.NewGuid():N}";

        await chatA.SendAsync(text);

        await Expect(chatB.Message(text)).ToBeVisibleAsync();
        await Expect(chatA.Message(text)).ToBeVisibleAsync();
        await Expect(chatA.Composer).ToHaveValueAsync("");
        await pageB.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.TestOutput, "screenshots", "chat.png") });
    }

    [Fact]
    public async Task Message_WithHtml_IsShownAsText()
    {
        var (pageA, _) = await host.NewStaffAsync("eve");
        var chat = new ChatPage(pageA);
        await chat.OpenAsync();
        var dialogs = 0;
        pageA.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        var text = $"<img src=x onerror=alert(1)> {Guid.NewGuid():N}";

        await chat.SendAsync(text);

        await Expect(chat.Message(text)).ToBeVisibleAsync();
        await Expect(chat.Messages.Locator("img")).ToHaveCountAsync(0);
        dialogs.ShouldBe(0);
    }
}
