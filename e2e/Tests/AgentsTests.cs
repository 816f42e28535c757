using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RealtimeApp.Client;
using RealtimeApp.Client.Api;
using RealtimeApp.Domain.Users;
using RealtimeApp.E2E.Pages;
using RealtimeApp.E2E.Support;
using AgentOptions = RealtimeApp.Web.Features.Agents.AgentOptions;
using static Microsoft.Playwright.Assertions;

namespace RealtimeApp.E2E.Tests;

/// <summary>The agents page against its own app, where agents go offline after 3 s of silence.</summary>
public sealed class AgentsTests(BrowserHost host) : IAsyncLifetime
{
    private const string Password = "Staff#Pass1";

    private readonly KestrelAppFactory _app = new(services => services.Configure<AgentOptions>(options =>
    {
        options.OfflineAfterSeconds = 3;
        options.SweepSeconds = 1;
    }));

    public ValueTask InitializeAsync()
    {
        _app.Start();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task AgentCard_ShowsTheAgentActive_ThenOffline_WhenItStopsReporting()
    {
        var ct = TestContext.Current.CancellationToken;
        const string email = "watcher@example.com";
        await _app.CreateUserAsync(email, Password, Roles.Staff);
        var token = await _app.CreateTokenAsync(email, "e2e agent");
        var agents = new AgentsPage(await SignInAsync(email));
        await agents.OpenAsync();

        await using (var agent = ApiClients.Connect(_app, token))
        {
            var reported = await agent.Agents.ReportAsync(
                new AgentReport("e2e-builder", Status: "active", DisplayName: "E2E builder", CurrentTask: "build-42", Progress: 40), ct);
            reported.Status.ShouldBe("active");
            using var reporting = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var heartbeats = HeartbeatAsync(agent, "e2e-builder", TimeSpan.FromMilliseconds(500), reporting.Token);

            await Expect(agents.Status("E2E builder")).ToHaveTextAsync("Active");
            await Expect(agents.CurrentTask("E2E builder")).ToHaveAttributeAsync("href", "tasks/build-42");
            await Expect(agents.Count(1, "active")).ToBeVisibleAsync();
            await reporting.CancelAsync();
            await heartbeats;
        }

        await Expect(agents.Status("E2E builder")).ToHaveTextAsync("Offline");
        await Expect(agents.Count(1, "offline")).ToBeVisibleAsync();
        await Expect(agents.Count(0, "active")).ToBeVisibleAsync();
        await Expect(agents.LastSeen("E2E builder")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^last seen \d+ s ago$"));
    }

    private async Task<IPage> SignInAsync(string email)
    {
        var context = await host.NewContextAsync(new() { BaseURL = _app.BaseAddress.ToString(), ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        var login = new LoginPage(page);
        await login.GotoAsync();
        await login.LogInAsync(email, Password);
        return page;
    }

    /// <summary>Reports a heartbeat for <paramref name="agentId"/> every <paramref name="period"/>, as a live agent does, until cancelled.</summary>
    private static async Task HeartbeatAsync(RealtimeClient agent, string agentId, TimeSpan period, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await agent.Agents.ReportAsync(new AgentReport(agentId), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The test stopped the agent.
        }
    }
}
