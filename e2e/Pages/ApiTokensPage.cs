using Microsoft.Playwright;

namespace RealtimeApp.E2E.Pages;

/// <summary>Profile → API tokens: the create form, the one-time token alert and the token table.</summary>
public sealed class ApiTokensPage(IPage page)
{
    public ILocator NameField => page.GetByRole(AriaRole.Textbox, new() { Name = "Name" });

    public ILocator NewToken => page.GetByRole(AriaRole.Textbox, new() { Name = "Your new API token" });

    public ILocator OneTimeWarning => page.GetByText("it will not be shown again");

    public ILocator Row(string name) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });

    public async Task OpenFromNavigationAsync()
    {
        var shell = new AppShell(page);
        await shell.WaitUntilInteractiveAsync();
        await shell.NavLink("API tokens").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "API tokens", Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>Creates a token named <paramref name="name"/> with <paramref name="scopes"/> ticked; returns the secret shown once.</summary>
    public async Task<string> CreateAsync(string name, params string[] scopes)
    {
        await NameField.FillAsync(name);
        foreach (var scope in scopes)
        {
            // Each checkbox's name is "scope: what it allows".
            await page.GetByRole(AriaRole.Checkbox, new() { Name = $"{scope}:" }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        await Assertions.Expect(NewToken).ToBeVisibleAsync();
        return await NewToken.InputValueAsync();
    }

    public async Task RevokeAsync(string name)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Revoke {name}", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();
    }
}
