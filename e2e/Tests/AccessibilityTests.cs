using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using RealtimeApp.Domain.Users;
using RealtimeApp.E2E.Pages;
using RealtimeApp.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace RealtimeApp.E2E.Tests;

/// <summary>
/// An automated WCAG 2.1 AA audit (axe-core, through Deque.AxeCore.Playwright) of each page a user or an administrator
/// can open, the interactive ones in light and in dark mode, with an agent and a task to show: a page fails with every
/// serious or critical violation's rule id and elements.
/// </summary>
public sealed class AccessibilityTests(BrowserHost host, AccessibilityApp site) : IClassFixture<AccessibilityApp>
{
    private static readonly List<string> WcagAa = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    public static TheoryData<string> SignedOutPages => ["/Account/Login", "/Account/Register", "/Account/ForgotPassword"];

    public static TheoryData<string, bool> StaffPages => Both(
        ["/", "/chat", "/tasks", "/tasks/{task}", "/agents", "/agents/{agent}", "/account/api-tokens", "/no-such-page"]);

    public static TheoryData<string, bool> AdminPages => Both(
        ["/admin", "/admin/dashboard", "/admin/users", "/admin/rooms", "/admin/audit", "/admin/rate-limits"]);

    /// <summary>The account pages (static forms with a layout of their own, without the theme switch).</summary>
    public static TheoryData<string> AccountPages =>
    [
        "/Account/Manage", "/Account/Manage/Email", "/Account/Manage/ChangePassword", "/Account/Manage/Passkeys",
        "/Account/Manage/TwoFactorAuthentication", "/Account/Manage/EnableAuthenticator", "/Account/Manage/PersonalData",
        "/Account/Manage/DeletePersonalData", "/Account/Manage/ExternalLogins",
    ];

    [Theory]
    [MemberData(nameof(SignedOutPages))]
    public async Task APageForAnyone_HasNoSeriousViolation(string path)
    {
        var page = await host.NewPageAsync(site.BaseAddress);
        try
        {
            await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });

            await ShouldHaveNoSeriousViolationAsync(page, path);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Theory]
    [MemberData(nameof(StaffPages))]
    public async Task APageForStaff_HasNoSeriousViolation(string path, bool dark)
    {
        await using var page = await SignedInPageAsync(dark ? "staff-dark" : "staff", Roles.Staff, dark);

        await VisitInteractiveAsync(page.Page, site.Resolve(path), dark);
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task AnAdminPage_HasNoSeriousViolation(string path, bool dark)
    {
        await using var page = await SignedInPageAsync(dark ? "admin-dark" : "admin", Roles.Admin, dark);

        await VisitInteractiveAsync(page.Page, path, dark);
    }

    [Theory]
    [MemberData(nameof(AccountPages))]
    public async Task AnAccountPage_HasNoSeriousViolation(string path)
    {
        // A user of its own: opening the authenticator page gives the account a new key and security stamp, which
        // signs out every other page of that user.
        await using var page = await SignedInPageAsync("account-pages", Roles.Staff, dark: false);

        await page.Page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });

        await ShouldHaveNoSeriousViolationAsync(page.Page, path);
    }

    /// <summary>
    /// A page signed in as the role's user, closed with its context after the test: an audited page left open keeps its
    /// circuit (and a dashboard its live updates) running beside the other tests.
    /// </summary>
    private async Task<OpenPage> SignedInPageAsync(string user, string role, bool dark)
    {
        var state = await site.SignedInStateAsync(host, user, role, dark);
        var context = await host.NewContextAsync(new()
        {
            BaseURL = site.BaseAddress.ToString(),
            StorageState = state,
            ViewportSize = new() { Width = 1280, Height = 800 },
        });
        return new OpenPage(await context.NewPageAsync());
    }

    private static async Task VisitInteractiveAsync(IPage page, string path, bool dark)
    {
        await page.GotoAsync(path);
        var shell = new AppShell(page);
        await shell.WaitUntilInteractiveAsync();
        await Expect(dark ? shell.LightModeButton : shell.DarkModeButton).ToBeVisibleAsync();

        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await ShouldHaveNoSeriousViolationAsync(page, dark ? $"{path} (dark)" : path);
    }

    private static async Task ShouldHaveNoSeriousViolationAsync(IPage page, string what)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagAa } });

        result.Violations.Where(v => v.Impact is "serious" or "critical").Select(Describe).ShouldBeEmpty(what);
    }

    private static string Describe(AxeResultItem violation) =>
        $"{violation.Id} ({violation.Impact}): {violation.Help}\n" +
        string.Join('\n', violation.Nodes.Select(node => $"    {node.Target} {node.Html}"));

    private sealed record OpenPage(IPage Page) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await Page.Context.CloseAsync();
    }

    private static TheoryData<string, bool> Both(string[] paths)
    {
        var data = new TheoryData<string, bool>();
        foreach (var path in paths)
        {
            data.Add(path, false);
            data.Add(path, true);
        }

        return data;
    }
}
