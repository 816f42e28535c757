using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RealtimeApp.Domain.Users;
using RealtimeApp.E2E.Pages;
using RealtimeApp.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace RealtimeApp.E2E.Tests;

/// <summary>
/// The admin console against an app of its own (other tests' tabs would change the figures), with closed tabs'
/// circuits discarded after a second instead of minutes.
/// </summary>
public sealed partial class AdminConsoleTests(BrowserHost host)
{
    private const string StaffPassword = "Staff#Pass1";

    [Fact]
    public async Task Dashboard_ConnectionCountRises_WhenASecondBrowserContextOpens()
    {
        await using var app = StartApp();
        await app.CreateUserAsync("dash@example.com", StaffPassword, Roles.Staff);
        var admin = await SignInAsync(app, KestrelAppFactory.AdminEmail, KestrelAppFactory.AdminPassword);
        var dashboard = new AdminDashboardPage(admin);
        await dashboard.OpenFromNavigationAsync();
        await Expect(dashboard.Figure("Active circuits")).ToHaveTextAsync("1");

        await SignInAsync(app, "dash@example.com", StaffPassword);

        await Expect(dashboard.Figure("Active circuits")).ToHaveTextAsync("2");
        await Expect(dashboard.ConnectionRow("dash@example.com")).ToContainTextAsync("circuit");
    }

    [Fact]
    public async Task LockingAUser_SendsTheirOpenPageToSignIn()
    {
        await using var app = StartApp();
        await app.CreateUserAsync("lock@example.com", StaffPassword, Roles.Staff);
        var staff = await SignInAsync(app, "lock@example.com", StaffPassword);
        await new ChatPage(staff).OpenAsync();
        var admin = await SignInAsync(app, KestrelAppFactory.AdminEmail, KestrelAppFactory.AdminPassword);
        var users = new AdminUsersPage(admin);
        await users.OpenFromNavigationAsync();
        await Expect(users.Row("lock@example.com")).ToContainTextAsync("online");

        await users.LockAsync("lock@example.com");

        await Expect(staff).ToHaveURLAsync(LoginUrl());
        await Expect(users.Row("lock@example.com")).ToContainTextAsync("Locked");
        await staff.GotoAsync("chat");
        await Expect(staff).ToHaveURLAsync(LoginUrl());
    }

    private static KestrelAppFactory StartApp()
    {
        var app = new KestrelAppFactory(services =>
            services.Configure<CircuitOptions>(options => options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromSeconds(1)));
        app.Start();
        return app;
    }

    private async Task<IPage> SignInAsync(KestrelAppFactory app, string email, string password)
    {
        var context = await host.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString(), ViewportSize = new() { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        var login = new LoginPage(page);
        await login.GotoAsync();
        await login.LogInAsync(email, password);
        return page;
    }

    [GeneratedRegex("/Account/Login")]
    private static partial Regex LoginUrl();
}
