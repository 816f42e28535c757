using Microsoft.Playwright;

namespace RealtimeApp.E2E.Pages;

/// <summary>Admin → Users: the user table and its lock action.</summary>
public sealed class AdminUsersPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Users", Exact = true });

    public ILocator Row(string email) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = email });

    public async Task OpenFromNavigationAsync()
    {
        await new AppShell(page).NavLink("Admin").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Open Users" }).ClickAsync();
        await Assertions.Expect(Heading).ToBeVisibleAsync();
    }

    /// <summary>Clicks Lock on the user's row and confirms.</summary>
    public async Task LockAsync(string email)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Lock {email}", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lock", Exact = true }).ClickAsync();
    }
}
