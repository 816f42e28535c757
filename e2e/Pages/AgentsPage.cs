using Microsoft.Playwright;

namespace RealtimeApp.E2E.Pages;

/// <summary>The agents page: counts per status, the status filter and one card per agent.</summary>
public sealed class AgentsPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Agents", Exact = true });

    public ILocator Card(string displayName) => page.GetByRole(AriaRole.Article, new() { Name = displayName, Exact = true });

    public ILocator Status(string displayName) => Card(displayName).GetByLabel("Status", new() { Exact = true });

    public ILocator LastSeen(string displayName) => Card(displayName).GetByLabel("Last seen", new() { Exact = true });

    public ILocator CurrentTask(string displayName) => Card(displayName).GetByRole(AriaRole.Link, new() { Name = "Current task" });

    public ILocator Count(int count, string status) => page.GetByRole(AriaRole.Group, new() { Name = "Agents per status" }).GetByLabel($"{count} {status}", new() { Exact = true });

    public async Task OpenAsync()
    {
        await page.GotoAsync("agents");
        await new AppShell(page).WaitUntilInteractiveAsync();
        await Assertions.Expect(Heading).ToBeVisibleAsync();
    }
}
