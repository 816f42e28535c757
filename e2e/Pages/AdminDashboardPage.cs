using Microsoft.Playwright;

namespace RealtimeApp.E2E.Pages;

/// <summary>Admin → Dashboard: the live figures and the connection list.</summary>
public sealed class AdminDashboardPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Operations dashboard", Exact = true });

    /// <summary>The value of a figure, e.g. "Active circuits".</summary>
    public ILocator Figure(string label) => page.GetByLabel(label, new() { Exact = true });

    /// <summary>The user's row in the connection list (the only table that lists people).</summary>
    public ILocator ConnectionRow(string user) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = user });

    /// <summary>Navigates inside the running circuit: Admin in the drawer, then the Dashboard card.</summary>
    public async Task OpenFromNavigationAsync()
    {
        await new AppShell(page).NavLink("Admin").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Open Dashboard" }).ClickAsync();
        await Assertions.Expect(Heading).ToBeVisibleAsync();
    }
}
