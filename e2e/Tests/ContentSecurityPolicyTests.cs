using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RealtimeApp.E2E.Pages;
using RealtimeApp.E2E.Support;
using RealtimeApp.Tests.Realtime.Support;
using RealtimeApp.Web.Features.Agents;
using RealtimeApp.Web.Features.Tasks;
using static Microsoft.Playwright.Assertions;

namespace RealtimeApp.E2E.Tests;

/// <summary>
/// Walks every page an administrator can open, signed out and then signed in, with the app's real
/// Content-Security-Policy, and fails listing each violation Chromium reports (<c>securitypolicyviolation</c> events,
/// console errors, uncaught page errors). Against an app of its own: the walk creates an agent and a task to show.
/// </summary>
public sealed class ContentSecurityPolicyTests(BrowserHost host)
{
    private const string AgentId = "csp-walk-agent";

    /// <summary>Pages for anyone, walked before signing in: all static forms.</summary>
    private static readonly string[] _signedOutPages = ["/Account/Login", "/Account/Register", "/Account/ForgotPassword"];

    /// <summary>The interactive pages (the circuit must start under the policy), with {task} and {agent} filled in.</summary>
    private static readonly string[] _interactivePages =
    [
        "/", "/chat", "/tasks", "/tasks/{task}", "/agents", "/agents/{agent}",
        "/admin", "/admin/dashboard", "/admin/users", "/admin/rooms", "/admin/audit", "/admin/rate-limits",
        "/account/api-tokens", "/not-found", "/no-such-page", "/Error",
    ];

    /// <summary>The account pages a signed-in user reaches from Account (static forms with their own layout).</summary>
    private static readonly string[] _accountPages =
    [
        "/Account/Manage", "/Account/Manage/Email", "/Account/Manage/ChangePassword", "/Account/Manage/Passkeys",
        "/Account/Manage/TwoFactorAuthentication", "/Account/Manage/EnableAuthenticator", "/Account/Manage/PersonalData",
        "/Account/Manage/DeletePersonalData", "/Account/Manage/ExternalLogins",
    ];

    [Fact]
    public async Task Walk_ReportsNoViolation_OnEveryPageAnAdminCanOpen()
    {
        await using var app = new KestrelAppFactory();
        app.Start();
        var taskId = await CreateAgentWithTaskAsync(app);
        var (context, problems) = await NewRecordedContextAsync(app);
        var page = await context.NewPageAsync();
        var visited = new List<string>();

        foreach (var path in _signedOutPages)
        {
            await VisitStaticAsync(page, path, problems, visited);
        }

        await new LoginPage(page).GotoAsync();
        await new LoginPage(page).LogInAsync(KestrelAppFactory.AdminEmail, KestrelAppFactory.AdminPassword);
        foreach (var path in _interactivePages)
        {
            await VisitInteractiveAsync(page, path.Replace("{task}", taskId).Replace("{agent}", AgentId), problems, visited);
        }

        await ClickDarkModeAsync(page, problems, visited);
        foreach (var path in _accountPages)
        {
            await VisitStaticAsync(page, path, problems, visited);
        }

        await context.CloseAsync();

        visited.Count.ShouldBe(_signedOutPages.Length + _interactivePages.Length + 1 + _accountPages.Length);
        problems.All.ShouldBeEmpty($"Pages walked:\n{string.Join('\n', visited)}\nProblems reported by the browser:\n{string.Join('\n', problems.All)}");
    }

    private static async Task VisitStaticAsync(IPage page, string path, Problems problems, List<string> visited)
    {
        problems.Page = path;
        var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        ShouldCarryThePolicy(response, path);
        visited.Add($"{path} (static)");
    }

    private static async Task VisitInteractiveAsync(IPage page, string path, Problems problems, List<string> visited)
    {
        problems.Page = path;
        var response = await page.GotoAsync(path);
        ShouldCarryThePolicy(response, path);
        // The circuit is up (blazor.web.js ran and its WebSocket connected) once the layout renders interactively.
        await new AppShell(page).WaitUntilInteractiveAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        visited.Add($"{path} (interactive)");
    }

    /// <summary>An event handled by the circuit: the theme provider re-renders its style element.</summary>
    private static async Task ClickDarkModeAsync(IPage page, Problems problems, List<string> visited)
    {
        problems.Page = "/ (dark mode)";
        await page.GotoAsync("/");
        var shell = new AppShell(page);
        await shell.WaitUntilInteractiveAsync();

        await shell.DarkModeButton.ClickAsync();

        await Expect(shell.LightModeButton).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        visited.Add("/ (dark mode switched on)");
    }

    [Fact]
    public async Task Walk_WouldReportAViolation_WhenAPageRanAnInlineScript()
    {
        var (context, problems) = await NewRecordedContextAsync(host.App);
        var page = await context.NewPageAsync();
        await VisitStaticAsync(page, "/Account/Login", problems, []);

        await page.EvaluateAsync("document.body.appendChild(Object.assign(document.createElement('script'), { textContent: 'window.ran = true' }))");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log in", Exact = true })).ToBeVisibleAsync();
        (await page.EvaluateAsync<bool>("window.ran === true")).ShouldBeFalse();
        await Eventually.WaitUntilAsync(
            () => problems.All.Any(p => p.Contains("/Account/Login: CSP violation: script-src-elem blocked inline", StringComparison.Ordinal)),
            "the blocked inline script is reported");
        await context.CloseAsync();
    }

    /// <summary>
    /// A browser context on the app by the name <c>localhost</c> (Web Authentication, which the account pages start
    /// for passkeys, refuses an IP address), listening in every page for what the browser reports: CSP violations,
    /// console errors and uncaught page errors.
    /// </summary>
    private async Task<(IBrowserContext Context, Problems Problems)> NewRecordedContextAsync(KestrelAppFactory app)
    {
        var baseUrl = new UriBuilder(app.BaseAddress) { Host = "localhost" }.Uri;
        var context = await host.NewContextAsync(new() { BaseURL = baseUrl.ToString(), ViewportSize = new() { Width = 1400, Height = 900 } });
        var problems = new Problems();
        await context.ExposeFunctionAsync<string>("reportCspViolation", problems.Add);
        await context.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e => window.reportCspViolation(
                `CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} (${e.disposition})`));
            """);
        context.Page += (_, page) =>
        {
            page.Console += (_, message) =>
            {
                if (message.Type == "error" && !problems.IsExpected(message.Text))
                {
                    problems.Add($"console error: {message.Text}");
                }
            };
            page.PageError += (_, error) => problems.Add($"page error: {error}");
        };
        return (context, problems);
    }

    private static void ShouldCarryThePolicy(IResponse? response, string path)
    {
        response.ShouldNotBeNull(path);
        response.Headers.ShouldContainKey("content-security-policy", $"{path} ({response.Status}) has no Content-Security-Policy");
        response.Headers["content-security-policy"].ShouldNotContain("unsafe-eval");
    }

    private static async Task<string> CreateAgentWithTaskAsync(KestrelAppFactory app) =>
        await app.AsAdminAsync(async (services, admin) =>
        {
            var task = (await services.GetRequiredService<TaskService>().CreateAsync(admin, "Walked by the CSP test", AgentId)).Value!;
            await services.GetRequiredService<AgentService>().ReportAsync(admin, new AgentReport(AgentId, Status: "active", CurrentTaskId: task.Id, Progress: 40));
            return task.Id;
        });

    private sealed class Problems
    {
        private readonly ConcurrentQueue<string> _all = new();

        public string Page { get; set; } = "(start)";

        public IReadOnlyCollection<string> All => _all;

        public void Add(string problem) => _all.Enqueue($"{Page}: {problem}");

        /// <summary>The 404 walked on purpose: Chromium logs the document's status as an error.</summary>
        public bool IsExpected(string consoleText) =>
            Page == "/no-such-page" && consoleText.Contains("status of 404", StringComparison.Ordinal);
    }
}
