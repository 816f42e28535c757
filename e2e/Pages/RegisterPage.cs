using Microsoft.Playwright;

namespace RealtimeApp.E2E.Pages;

public sealed class RegisterPage(IPage page)
{
    public async Task GotoAsync() => await page.GotoAsync("Account/Register");

    public async Task<AppShell> RegisterAsync(string email, string password)
    {
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Confirm password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();
        var shell = new AppShell(page);
        await shell.WaitUntilInteractiveAsync();
        return shell;
    }
}
