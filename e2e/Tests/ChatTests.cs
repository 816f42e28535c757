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

    [Fact]
    public async Task TypingIndicator_AppearsForOthers_WhileSomeoneTypes()
    {
        var (pageA, emailA) = await host.NewStaffAsync("tia");
        var (pageB, _) = await host.NewStaffAsync("tom");
        var chatA = new ChatPage(pageA);
        var chatB = new ChatPage(pageB);
        await chatA.OpenAsync();
        await chatB.OpenAsync();

        await chatA.Composer.PressSequentiallyAsync("half a tho");

        await Expect(chatB.TypingNotice(emailA)).ToBeVisibleAsync();
        await Expect(chatA.TypingNotice(emailA)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Presence_ShowsBothUsers_AndDropsOneWhenTheirPageCloses()
    {
        var (pageA, emailA) = await host.NewStaffAsync("pia");
        var (pageB, emailB) = await host.NewStaffAsync("pat");
        var chatA = new ChatPage(pageA);
        var chatB = new ChatPage(pageB);
        await chatA.OpenAsync();
        await chatB.OpenAsync();
        await Expect(chatB.OnlineMember(emailA)).ToBeVisibleAsync();
        await Expect(chatA.OnlineMember(emailB)).ToBeVisibleAsync();

        await pageA.Context.CloseAsync();

        await Expect(chatB.OnlineMember(emailA)).ToHaveCountAsync(0);
        await Expect(chatB.OnlineMember(emailB)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Mention_IsSuggestedWhileTyping_AndHighlightedForTheMentionedUser()
    {
        var (pageA, _) = await host.NewStaffAsync("mia");
        var (pageB, emailB) = await host.NewStaffAsync("moe");
        var nameB = emailB.Split('@')[0];
        var chatA = new ChatPage(pageA);
        var chatB = new ChatPage(pageB);
        await chatA.OpenAsync();
        await chatB.OpenAsync();

        await chatA.Composer.PressSequentiallyAsync("ping @" + nameB[..5]);
        await Expect(chatA.MentionSuggestion(nameB)).ToBeVisibleAsync();
        await chatA.Composer.PressAsync("Enter");
        await Expect(chatA.Composer).ToHaveValueAsync($"ping @{nameB} ");
        await chatA.Composer.PressSequentiallyAsync("look");
        await chatA.Composer.PressAsync("Enter");

        var message = chatB.Message($"ping @{nameB} look");
        await Expect(message).ToBeVisibleAsync();
        await Expect(message).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mentioned"));
        await Expect(chatA.Message($"ping @{nameB} look")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mentioned"));
    }

    [Fact]
    public async Task Search_FindsMessagesInTheRoom()
    {
        var (page, _) = await host.NewStaffAsync("sam");
        var chat = new ChatPage(page);
        await chat.OpenAsync();
        var needle = $"needle{Guid.NewGuid():N}"[..14];
        await chat.SendAsync($"the {needle} is here");
        await Expect(chat.Message(needle)).ToBeVisibleAsync();
        await chat.WaitUntilSentAsync(); // shown at once, searchable once stored

        await chat.SearchBox.FillAsync(needle);
        await chat.SearchBox.PressAsync("Enter");

        await Expect(chat.SearchResults).ToContainTextAsync("1 result(s)");
        await Expect(chat.SearchResults.GetByRole(Microsoft.Playwright.AriaRole.Article)).ToContainTextAsync($"the {needle} is here");
    }
}
