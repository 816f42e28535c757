using Microsoft.Playwright;
using RealtimeApp.Domain.Users;
using RealtimeApp.E2E.Pages;
using RealtimeApp.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace RealtimeApp.E2E.Tests;

public sealed class SignInTests(BrowserHost host)
{
    [Fact]
    public async Task Register_LandsNewUserInTheShell()
    {
        var page = await host.NewPageAsync();
        var email = $"new-{Guid.NewGuid():N}@example.com";
        var register = new RegisterPage(page);
        await register.GotoAsync();

        var shell = await register.RegisterAsync(email, "New#Pass1");

        await Expect(shell.SignedInUser).ToHaveTextAsync(email);
        await Expect(shell.ProductName).ToBeVisibleAsync();
        await Expect(shell.NavLink("Chat")).ToBeVisibleAsync();
        await Expect(shell.NavLink("Admin")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task BootstrapAdmin_SeesAdmin()
    {
        var page = await host.NewPageAsync();
        var login = new LoginPage(page);
        await login.GotoAsync();

        var shell = await login.LogInAsync(KestrelAppFactory.AdminEmail, KestrelAppFactory.AdminPassword);
        await Expect(shell.SignedInUser).ToHaveTextAsync(KestrelAppFactory.AdminEmail);
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.TestOutput, "screenshots", "signed-in-shell.png") });
        await shell.NavLink("Admin").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(host.App.BaseAddress, "admin").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Admin", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task StaffUser_DoesNotSeeAdmin()
    {
        var email = $"staff-{Guid.NewGuid():N}@example.com";
        await host.App.CreateUserAsync(email, "Staff#Pass1", Roles.Staff);
        var page = await host.NewPageAsync();
        var login = new LoginPage(page);
        await login.GotoAsync();

        var shell = await login.LogInAsync(email, "Staff#Pass1");
        await Expect(shell.NavLink("Tasks")).ToBeVisibleAsync();
        await Expect(shell.NavLink("Admin")).ToHaveCountAsync(0);
        var response = await page.GotoAsync("admin");

        response!.Status.ShouldBe(403);
        await Expect(page.GetByText("You don't have access to this page")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task LogOut_ReturnsToLoginPage()
    {
        var email = $"leaver-{Guid.NewGuid():N}@example.com";
        await host.App.CreateUserAsync(email, "Leave#Pass1", Roles.Staff);
        var page = await host.NewPageAsync();
        var login = new LoginPage(page);
        await login.GotoAsync();
        var shell = await login.LogInAsync(email, "Leave#Pass1");

        await shell.LogOutAsync();

        await Expect(login.Heading).ToBeVisibleAsync();
        await page.GotoAsync("chat");
        await Expect(login.Heading).ToBeVisibleAsync();
    }

    [Fact]
    public async Task DarkMode_IsRememberedForTheUser()
    {
        var email = $"night-{Guid.NewGuid():N}@example.com";
        await host.App.CreateUserAsync(email, "Night#Pass1", Roles.Staff);
        var page = await host.NewPageAsync();
        var login = new LoginPage(page);
        await login.GotoAsync();
        var shell = await login.LogInAsync(email, "Night#Pass1");

        await shell.DarkModeButton.ClickAsync();
        await Expect(shell.LightModeButton).ToBeVisibleAsync();
        var otherBrowser = await host.NewPageAsync();
        var otherLogin = new LoginPage(otherBrowser);
        await otherLogin.GotoAsync();
        var otherShell = await otherLogin.LogInAsync(email, "Night#Pass1");

        await Expect(otherShell.LightModeButton).ToBeVisibleAsync();
    }
}
