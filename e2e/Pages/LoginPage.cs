using Microsoft.Playwright;

namespace RealtimeApp.E2E.Pages;

public sealed class LoginPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Log in", Exact = true });

    public async Task GotoAsync() => await page.GotoAsync("Account/Login");

    public async Task<AppShell> LogInAsync(string email, string password)
    {
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        var shell = new AppShell(page);
        await shell.WaitUntilInteractiveAsync();
        return shell;
    }
}
