using Microsoft.Playwright;

namespace RealtimeApp.E2E.Pages;

/// <summary>Admin → Rate limits: the role defaults and the override editor of one user.</summary>
public sealed class RateLimitsPage(IPage page)
{
    public ILocator EmailField => page.GetByRole(AriaRole.Textbox, new() { Name = "User's email" });

    public ILocator Override(string email) => page.GetByRole(AriaRole.Region, new() { Name = $"Override for {email}" });

    public ILocator RoleDefault(string role) => page.GetByRole(AriaRole.Region, new() { Name = $"{role} default" });

    public ILocator Notice(string text) => page.GetByText(text);

    public ILocator Overrides => page.GetByRole(AriaRole.Region, new() { Name = "User overrides" });

    public async Task OpenAsync()
    {
        await page.GotoAsync("admin/rate-limits");
        await new AppShell(page).WaitUntilInteractiveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rate limits", Exact = true })).ToBeVisibleAsync();
    }

    public async Task FindUserAsync(string email)
    {
        await EmailField.FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find user" }).ClickAsync();
        await Assertions.Expect(Override(email)).ToBeVisibleAsync();
    }

    public async Task SetDefaultAsync(string role, string label, string value)
    {
        await RoleDefault(role).GetByLabel(label).FillAsync(value);
        await RoleDefault(role).GetByRole(AriaRole.Button, new() { Name = $"Save {role} default" }).ClickAsync();
    }

    public async Task SetOverrideAsync(string email, string label, string value)
    {
        await Override(email).GetByLabel(label).FillAsync(value);
        await Override(email).GetByRole(AriaRole.Button, new() { Name = "Save override" }).ClickAsync();
    }
}
