using RealtimeApp.Web.Features.Agents;
using RealtimeApp.Web.Features.Tasks;
using RealtimeApp.Web.Realtime.Connections;

namespace RealtimeApp.Tests.Features.Demo;

/// <summary>Demo mode on real Kestrel: the simulated agents talk to the app only through its WebSocket API.</summary>
public sealed class DemoModeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DemoAgents_ReportThemselvesAndRunTasksToTheEnd_WhenDemoModeIsOn()
    {
        await using var host = DemoAppHost.Start(stepSeconds: 0.1, steps: 4);
        var tasks = host.Get<TaskService>();

        await DemoAppHost.WaitUntilAsync(
            async () => (await tasks.ListAsync(new TaskQuery(Status: "succeeded", AgentId: "demo-2"), Ct)).Value!.Total > 0,
            "demo-2 finished a task");

        var agents = await host.Get<AgentService>().ListAsync(Ct);
        agents.Select(a => a.Id).ShouldBe(["demo-1", "demo-2"]);
        agents.ShouldAllBe(a => a.Version == "demo-1.0" && a.Metadata!["mode"] == "demo");
        var done = (await tasks.ListAsync(new TaskQuery(Status: "succeeded", AgentId: "demo-2"), Ct)).Value!.Items[^1];
        var timeline = await tasks.EventsAfterAsync(done.Id, 0, cancellationToken: Ct);
        timeline.Select(e => e.Progress).ShouldBe([0, 0, 25, 50, 75, 100]);
        timeline[^1].Status.ShouldBe("succeeded");
    }

    [Fact]
    public async Task DemoAgent_StopsACancelledTaskAndRunsItAgainOnRetry()
    {
        await using var host = DemoAppHost.Start(stepSeconds: 0.5, steps: 40, agents: 1, idleSeconds: 60);
        var tasks = host.Get<TaskService>();
        var commands = host.Get<AgentCommands>();
        var admin = await host.AdminAsync();
        TaskView? running = null;
        await DemoAppHost.WaitUntilAsync(
            async () => (running = (await tasks.ListAsync(new TaskQuery(Status: "running", AgentId: "demo-1"), Ct)).Value!.Items.FirstOrDefault()) is not null,
            "demo-1 runs a task");

        (await host.Get<TaskControl>().CancelAsync(admin, running!.Id, Ct)).Succeeded.ShouldBeTrue();

        await DemoAppHost.WaitUntilAsync(
            async () => (await commands.PendingAsync("demo-1", Ct)).Count == 0
                && (await host.Get<AgentService>().ListAsync(Ct)).Single().CurrentTaskId != running.Id,
            "demo-1 acknowledged the cancel and left the task");
        (await tasks.GetAsync(running.Id, Ct)).Value!.Status.ShouldBe("cancelled");

        (await host.Get<TaskControl>().RetryAsync(admin, running.Id, Ct)).Succeeded.ShouldBeTrue();

        await DemoAppHost.WaitUntilAsync(
            async () => (await tasks.GetAsync(running.Id, Ct)).Value!.Status == "running",
            "demo-1 runs the retried task again");
        (await host.Get<AgentService>().ListAsync(Ct)).Single().CurrentTaskId.ShouldBe(running.Id);
    }

    [Fact]
    public async Task DemoAgent_ReconnectsFailsTheInterruptedTaskAndCarriesOn_WhenTheServerDropsItsConnection()
    {
        await using var host = DemoAppHost.Start(stepSeconds: 0.1, steps: 3, agents: 1);
        var registry = host.Get<ApiConnectionRegistry>();
        var tasks = host.Get<TaskService>();
        await DemoAppHost.WaitUntilAsync(() => Task.FromResult(registry.Connections.Count == 1), "the demo agent is connected");
        var first = registry.Connections.Single();

        registry.Close(first.Id, "dropped by the test").ShouldBeTrue();
        var finishedBefore = (await tasks.ListAsync(new TaskQuery(Status: "succeeded"), Ct)).Value!.Total;

        await DemoAppHost.WaitUntilAsync(
            async () => registry.Connections.Any(c => c.Id != first.Id)
                && (await tasks.ListAsync(new TaskQuery(Status: "succeeded"), Ct)).Value!.Total > finishedBefore + 1,
            "the agent reconnected and finished more tasks");
        (await tasks.ListAsync(new TaskQuery(Status: "running", AgentId: "demo-1"), Ct)).Value!.Total.ShouldBeLessThanOrEqualTo(1);
    }
}
