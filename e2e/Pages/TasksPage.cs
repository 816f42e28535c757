using Microsoft.Playwright;

namespace RealtimeApp.E2E.Pages;

/// <summary>The Tasks page: filters and the live task table.</summary>
public sealed class TasksPage(IPage page)
{
    public ILocator Table => page.GetByRole(AriaRole.Table);

    public ILocator SearchBox => page.GetByLabel("Search titles");

    public ILocator Row(string title) => Table.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }) });

    public ILocator ProgressBar(string title) => Row(title).GetByRole(AriaRole.Progressbar);

    public ILocator Status(string title) => Row(title).Locator(".mud-chip");

    public async Task OpenAsync()
    {
        await page.GotoAsync("tasks");
        await new AppShell(page).WaitUntilInteractiveAsync();
        await Microsoft.Playwright.Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tasks", Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>Types into the title search and waits until <paramref name="expectedTitle"/> is the only row left.</summary>
    public async Task SearchAsync(string text, string expectedTitle)
    {
        await SearchBox.FillAsync(text);
        await Microsoft.Playwright.Assertions.Expect(Table.Locator("tbody tr")).ToHaveCountAsync(1);
        await Microsoft.Playwright.Assertions.Expect(Row(expectedTitle)).ToBeVisibleAsync();
    }
}
