using Microsoft.Playwright;
using RealtimeApp.Domain.Users;
using RealtimeApp.E2E.Pages;

namespace RealtimeApp.E2E.Support;

public static class SignedInUsers
{
    /// <summary>Creates a fresh Staff user and returns a page in a browser context of its own, signed in as them.</summary>
    public static Task<(IPage Page, string Email)> NewStaffAsync(this BrowserHost host, string name) => NewUserAsync(host, name, Roles.Staff);

    /// <summary>Creates a fresh administrator and returns a page in a browser context of its own, signed in as them.</summary>
    public static Task<(IPage Page, string Email)> NewAdminAsync(this BrowserHost host, string name) => NewUserAsync(host, name, Roles.Admin);

    /// <summary>Signs an existing user in on the app at <paramref name="baseAddress"/> in a browser context of its own.</summary>
    public static async Task<IPage> SignInAsync(this BrowserHost host, Uri baseAddress, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(host);

        var page = await host.NewPageAsync(baseAddress);
        var login = new LoginPage(page);
        await login.GotoAsync();
        await login.LogInAsync(email, password);
        return page;
    }

    private static async Task<(IPage Page, string Email)> NewUserAsync(BrowserHost host, string name, string role)
    {
        var email = $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)] + "@example.com";
        await host.App.CreateUserAsync(email, "Staff#Pass1", role);
        var page = await host.NewPageAsync();
        var login = new LoginPage(page);
        await login.GotoAsync();
        await login.LogInAsync(email, "Staff#Pass1");
        return (page, email);
    }
}
