using Microsoft.Playwright;

namespace RealtimeApp.E2E.Pages;

/// <summary>The signed-in frame: app bar, navigation drawer, user menu.</summary>
public sealed class AppShell(IPage page)
{
    public ILocator ProductName => page.GetByText("RealtimeApp", new() { Exact = true });

    public ILocator SignedInUser => page.GetByLabel("Signed in as");

    public ILocator Navigation => page.GetByRole(AriaRole.Navigation);

    public ILocator DarkModeButton => page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark mode" });

    public ILocator LightModeButton => page.GetByRole(AriaRole.Button, new() { Name = "Switch to light mode" });

    public ILocator NavLink(string name) => page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>Waits for the Blazor circuit: the layout marks itself interactive only once the server renders it live.</summary>
    public async Task WaitUntilInteractiveAsync() =>
        await page.Locator("[data-interactive='true']").WaitForAsync();

    public async Task LogOutAsync() =>
        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
}
