using Microsoft.Playwright;

namespace RealtimeApp.E2E.Pages;

/// <summary>The chat page: room list, message log and composer.</summary>
public sealed class ChatPage(IPage page)
{
    public ILocator Messages => page.GetByRole(AriaRole.Log, new() { Name = "Messages" });

    public ILocator Composer => page.GetByRole(AriaRole.Textbox, new() { Name = "Message", Exact = true });

    public ILocator OnlineMember(string userName) =>
        page.GetByRole(AriaRole.List, new() { Name = "Online in this room" }).GetByRole(AriaRole.Listitem, new() { Name = userName, Exact = true });

    public ILocator TypingNotice(string userName) => page.GetByText($"{userName} is typing…");

    public ILocator UnreadBadge(string room, int count) => RoomLink(room).GetByLabel($"{count} unread");

    public ILocator Notice(string text) => page.GetByText(text);

    /// <summary>A snackbar (MudBlazor renders them as alerts) whose text matches <paramref name="text"/>.</summary>
    public ILocator Snackbar(System.Text.RegularExpressions.Regex text) => page.GetByRole(AriaRole.Alert).Filter(new() { HasTextRegex = text });

    public async Task EditAsync(string original, string replacement)
    {
        await Message(original).GetByRole(AriaRole.Button, new() { Name = "Message actions" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Edit" }).ClickAsync();
        await Message(original).GetByLabel("Edit message").FillAsync(replacement);
        await Message(original).GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
    }

    public async Task DeleteAsync(string text)
    {
        await Message(text).GetByRole(AriaRole.Button, new() { Name = "Message actions" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Delete" }).ClickAsync();
    }

    public ILocator MentionSuggestion(string name) =>
        page.GetByRole(AriaRole.Listbox, new() { Name = "Mention suggestions" }).GetByRole(AriaRole.Option).Filter(new() { HasText = "@" + name });

    public ILocator SearchBox => page.GetByRole(AriaRole.Textbox, new() { Name = "Search this room" });

    public ILocator SearchResults => page.GetByRole(AriaRole.Region, new() { Name = "Search results" });

    public ILocator RoomHeading(string room) => page.GetByRole(AriaRole.Heading, new() { Name = $"#{room}", Exact = true });

    public ILocator Message(string text) => Messages.GetByRole(AriaRole.Article).Filter(new() { HasText = text });

    public ILocator RoomLink(string room) => page.GetByRole(AriaRole.Navigation, new() { Name = "Your rooms" }).GetByRole(AriaRole.Link).Filter(new() { HasText = room });

    public async Task OpenAsync(string room = "general")
    {
        await page.GotoAsync($"chat/{room}");
        await new AppShell(page).WaitUntilInteractiveAsync();
        await Microsoft.Playwright.Assertions.Expect(RoomHeading(room)).ToBeVisibleAsync();
        // Enter sends only once the composer's keyboard handler is attached (after the first interactive render).
        await Microsoft.Playwright.Assertions.Expect(Composer).ToHaveAttributeAsync("data-keyboard", "ready");
    }

    public async Task SendAsync(string text)
    {
        await Composer.FillAsync(text);
        await Composer.PressAsync("Enter");
    }

    /// <summary>Waits until none of one's own messages is still "Sending…" (every one is stored).</summary>
    public Task WaitUntilSentAsync() =>
        Microsoft.Playwright.Assertions.Expect(Messages.GetByText("Sending…")).ToHaveCountAsync(0);
}
