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
        await using var agent = await ApiAgent.ConnectAsync(host.App, await host.App.CreateTokenAsync(agentEmail, "agent"), ct);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (taskId, title, agentId) = ($"build-{suffix}", $"Nightly build {suffix}", $"runner-{suffix}");
        await agent.CallAsync("mutation", "tasks.create", new { id = taskId, title, agentId }, ct);
        var tasks = new TasksPage(listPage);
        var detail = new TaskDetailPage(detailPage);
        await tasks.OpenAsync();
        await tasks.SearchAsync(suffix, title);
        await detail.OpenAsync(taskId, title);
        await Expect(tasks.Status(title)).ToHaveTextAsync("queued");

        foreach (var progress in new[] { 10, 60 })
        {
            await agent.CallAsync("mutation", "tasks.report", new { taskId, progress, status = "running", message = $"at {progress}" }, ct);

            await Expect(tasks.ProgressBar(title)).ToHaveAttributeAsync("aria-valuenow", $"{progress}");
            await Expect(detail.ProgressBar).ToHaveAttributeAsync("aria-valuenow", $"{progress}");
        }

        await agent.CallAsync("mutation", "tasks.report", new { taskId, progress = 100, status = "succeeded", message = "done" }, ct);

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
        await using var agent = await ApiAgent.ConnectAsync(host.App, await host.App.CreateTokenAsync(agentEmail, "agent"), ct);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (taskId, title, agentId) = ($"job-{suffix}", $"Reindex {suffix}", $"worker-{suffix}");
        await agent.CallAsync("mutation", "agents.report", new { agentId, status = "active" }, ct);
        await agent.CallAsync("mutation", "tasks.create", new { id = taskId, title, agentId }, ct);
        await agent.CallAsync("mutation", "tasks.report", new { taskId, progress = 30, status = "running" }, ct);
        var commands = await agent.SubscribeAsync("agents.onCommand", new { agentId }, ct);
        var detail = new TaskDetailPage(page);
        await detail.OpenAsync(taskId, title);
        await Expect(detail.ProgressBar).ToHaveAttributeAsync("aria-valuenow", "30");

        await detail.CancelAsync();

        var command = await agent.NextItemAsync(commands, item => item["taskId"]?.GetValue<string>() == taskId, ct);
        command["kind"]!.GetValue<string>().ShouldBe("cancel");
        await Expect(detail.Snackbar($"Task cancelled; agent {agentId} has been told.")).ToBeVisibleAsync();
        await Expect(detail.Status).ToHaveTextAsync("cancelled");
        await Expect(detail.CancelButton).ToHaveCountAsync(0);
    }
}
