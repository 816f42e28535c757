using RealtimeApp.Client.Api;
using RealtimeApp.E2E.Pages;
using RealtimeApp.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace RealtimeApp.E2E.Tests;

public sealed class TasksTests(BrowserHost host)
{
    [Fact]
    public async Task ProgressReportedThroughTheApi_MovesTheBarsOnTheTasksPageAndTheTaskDetailLive()
    {
        var ct = TestContext.Current.CancellationToken;
        var (listPage, _) = await host.NewStaffAsync("watcher");
        var detailPage = await listPage.Context.NewPageAsync();
        var (_, agentEmail) = await host.NewStaffAsync("runner");
        await using var agent = ApiClients.Connect(host.App, await host.App.CreateTokenAsync(agentEmail, "agent"));
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (taskId, title, agentId) = ($"build-{suffix}", $"Nightly build {suffix}", $"runner-{suffix}");
        await agent.Tasks.CreateAsync(title, agentId, taskId, cancellationToken: ct);
        var tasks = new TasksPage(listPage);
        var detail = new TaskDetailPage(detailPage);
        await tasks.OpenAsync();
        await tasks.SearchAsync(suffix, title);
        await detail.OpenAsync(taskId, title);
        await Expect(tasks.Status(title)).ToHaveTextAsync("queued");

        foreach (var progress in new[] { 10, 60 })
        {
            await agent.Tasks.ReportAsync(taskId, progress, "running", $"at {progress}", cancellationToken: ct);

            await Expect(tasks.ProgressBar(title)).ToHaveAttributeAsync("aria-valuenow", $"{progress}");
            await Expect(detail.ProgressBar).ToHaveAttributeAsync("aria-valuenow", $"{progress}");
        }

        await agent.Tasks.ReportAsync(taskId, 100, "succeeded", "done", cancellationToken: ct);

        await Expect(tasks.ProgressBar(title)).ToHaveAttributeAsync("aria-valuenow", "100");
        await Expect(tasks.Status(title)).ToHaveTextAsync("succeeded");
        await Expect(detail.ProgressBar).ToHaveAttributeAsync("aria-valuenow", "100");
        await Expect(detail.TimelineRows).ToHaveCountAsync(4);
        await Expect(detail.TimelineRows.Last).ToContainTextAsync("done");
        await Expect(tasks.SearchBox).ToHaveValueAsync(suffix);
        await listPage.BringToFrontAsync();
        await listPage.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.TestOutput, "screenshots", "tasks.png") });
        await detailPage.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.TestOutput, "screenshots", "task-detail.png") });
    }

    [Fact]
    public async Task StaffCancelsARunningTask_AndTheAgentsCommandSubscriptionReceivesIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var (page, _) = await host.NewStaffAsync("lead");
        var (_, agentEmail) = await host.NewStaffAsync("worker");
        await using var agent = ApiClients.Connect(host.App, await host.App.CreateTokenAsync(agentEmail, "agent"));
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (taskId, title, agentId) = ($"job-{suffix}", $"Reindex {suffix}", $"worker-{suffix}");
        await agent.Agents.ReportAsync(new AgentReport(agentId, Status: "active"), ct);
        await agent.Tasks.CreateAsync(title, agentId, taskId, cancellationToken: ct);
        await agent.Tasks.ReportAsync(taskId, 30, "running", cancellationToken: ct);
        await using var commands = agent.Agents.OnCommandAsync(agentId, ct).GetAsyncEnumerator(ct);
        var detail = new TaskDetailPage(page);
        await detail.OpenAsync(taskId, title);
        await Expect(detail.ProgressBar).ToHaveAttributeAsync("aria-valuenow", "30");

        await detail.CancelAsync();

        var command = await commands.NextAsync(command => command.TaskId == taskId);
        command.Kind.ShouldBe("cancel");
        await Expect(detail.Snackbar($"Task cancelled; agent {agentId} has been told.")).ToBeVisibleAsync();
        await Expect(detail.Status).ToHaveTextAsync("cancelled");
        await Expect(detail.CancelButton).ToHaveCountAsync(0);
    }
}
