using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using RealtimeApp.E2E.Pages;
using RealtimeApp.E2E.Support;

namespace RealtimeApp.E2E.Tests;

/// <summary>
/// An automated WCAG 2.1 AA audit (axe-core, through Deque.AxeCore.Playwright) of each page (the signed-in pages in
/// light and in dark mode): a page fails with every serious or critical violation's rule id and elements.
/// </summary>
public sealed class AccessibilityTests(BrowserHost host)
{
    private static readonly List<string> WcagAa = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    public static TheoryData<string> SignedOutPages => ["/Account/Login", "/Account/Register", "/Account/ForgotPassword"];

    public static TheoryData<string, bool> SignedInPages => Both(["/", "/chat", "/tasks", "/agents", "/account/api-tokens", "/no-such-page"]);

    public static TheoryData<string, bool> AdminPages => Both(["/admin/dashboard", "/admin/users", "/admin/rooms", "/admin/audit", "/admin/rate-limits"]);

    [Theory]
    [MemberData(nameof(SignedOutPages))]
    public async Task APageForAnyone_HasNoSeriousViolation(string path)
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });

        await ShouldHaveNoSeriousViolationAsync(page, path);
    }

    [Theory]
    [MemberData(nameof(SignedInPages))]
    public async Task APageForStaff_HasNoSeriousViolation(string path, bool dark)
    {
        var (page, _) = await host.NewStaffAsync("a11y");

        await VisitInteractiveAsync(page, path, dark);
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task AnAdminPage_HasNoSeriousViolation(string path, bool dark)
    {
        var (page, _) = await host.NewAdminAsync("a11y-admin");

        await VisitInteractiveAsync(page, path, dark);
    }

    private static async Task VisitInteractiveAsync(IPage page, string path, bool dark)
    {
        await page.GotoAsync(path);
        var shell = new AppShell(page);
        await shell.WaitUntilInteractiveAsync();
        if (dark)
        {
            await shell.DarkModeButton.ClickAsync();
            await Microsoft.Playwright.Assertions.Expect(shell.LightModeButton).ToBeVisibleAsync();
        }

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
