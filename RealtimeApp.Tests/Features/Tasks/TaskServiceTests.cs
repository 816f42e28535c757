using System.Collections.Concurrent;
using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Tasks;

namespace RealtimeApp.Tests.Features.Tasks;

/// <remarks>Runs on each engine: <see cref="TaskServiceOnSqliteTests"/> and <see cref="TaskServiceOnPostgresTests"/>.</remarks>
public abstract class TaskServiceTests(DatabaseProvider engine) : IAsyncLifetime
{
    private ChatHost _host = null!;

    private TaskService Tasks => _host.Get<TaskService>();

    public async ValueTask InitializeAsync() => _host = await ChatHost.StartAsync(engine);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Report_StoresTimelineAndPublishesProgress_InOrder()
    {
        var actor = await _host.CreateUserAsync("agent-owner");
        var published = new ConcurrentQueue<TaskProgressed>();
        using var subscription = _host.Get<EventHub>().Subscribe<TaskProgressed>(Topics.Task("build-1"), published.Enqueue);
        await Tasks.CreateAsync(actor, "Build", id: "build-1", cancellationToken: TestContext.Current.CancellationToken);

        foreach (var progress in new[] { 10, 60 })
        {
            (await Tasks.ReportAsync(actor, new TaskReport("build-1", progress, "running"), TestContext.Current.CancellationToken)).Succeeded.ShouldBeTrue();
        }

        var done = await Tasks.ReportAsync(actor, new TaskReport("build-1", 100, "succeeded", "all green"), TestContext.Current.CancellationToken);

        done.Value!.Status.ShouldBe("succeeded");
        published.Select(e => (e.Sequence, e.Progress, e.Status)).ShouldBe([(1L, 0, "queued"), (2L, 10, "running"), (3L, 60, "running"), (4L, 100, "succeeded")]);
        (await Tasks.EventsAfterAsync("build-1", 2, cancellationToken: TestContext.Current.CancellationToken)).Select(e => e.Progress).ShouldBe([60, 100]);
    }

    [Theory]
    [InlineData(101, "running", FailureKind.Invalid)]
    [InlineData(-5, "running", FailureKind.Invalid)]
    [InlineData(50, "exploded", FailureKind.Invalid)]
    [InlineData(50, "queued", FailureKind.Conflict)]
    public async Task Report_RefusesBadInput_AndStoresNothing(int progress, string status, FailureKind expected)
    {
        var actor = await _host.CreateUserAsync("agent-owner");
        await Tasks.CreateAsync(actor, "Build", id: "build-2", cancellationToken: TestContext.Current.CancellationToken);

        var refused = await Tasks.ReportAsync(actor, new TaskReport("build-2", progress, status), TestContext.Current.CancellationToken);

        refused.Failure!.Kind.ShouldBe(expected);
        (await Tasks.EventsAfterAsync("build-2", 1, cancellationToken: TestContext.Current.CancellationToken)).ShouldBeEmpty();
        (await Tasks.GetAsync("build-2", TestContext.Current.CancellationToken)).Value!.Status.ShouldBe("queued");
    }

    [Fact]
    public async Task Report_RefusesProgress_WhenTaskHasFinished()
    {
        var actor = await _host.CreateUserAsync("agent-owner");
        await Tasks.CreateAsync(actor, "Build", id: "build-3", cancellationToken: TestContext.Current.CancellationToken);
        await Tasks.ReportAsync(actor, new TaskReport("build-3", 100, "succeeded"), TestContext.Current.CancellationToken);

        var late = await Tasks.ReportAsync(actor, new TaskReport("build-3", 20, "running"), TestContext.Current.CancellationToken);

        late.Failure!.Kind.ShouldBe(FailureKind.Conflict);
    }

    [Fact]
    public async Task Report_GivesConsecutiveSequencesPublishedInOrder_WhenReportsRace()
    {
        var actor = await _host.CreateUserAsync("agent-owner");
        await Tasks.CreateAsync(actor, "Race", id: "race-1", cancellationToken: TestContext.Current.CancellationToken);
        var published = new ConcurrentQueue<TaskProgressed>();
        using var subscription = _host.Get<EventHub>().Subscribe<TaskProgressed>(Topics.Task("race-1"), published.Enqueue);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                (await Tasks.ReportAsync(actor, new TaskReport("race-1", i, "running"), TestContext.Current.CancellationToken)).Succeeded.ShouldBeTrue();
            }
        })));

        var sequences = (await Tasks.EventsAfterAsync("race-1", 0, cancellationToken: TestContext.Current.CancellationToken)).Select(e => e.Sequence);
        sequences.ShouldBe(Enumerable.Range(1, 101).Select(i => (long)i));
        published.Select(e => e.Sequence).ShouldBe(Enumerable.Range(2, 100).Select(i => (long)i));
    }

    [Fact]
    public async Task Create_RefusesDuplicateIdAndBadTitle()
    {
        var actor = await _host.CreateUserAsync("creator");
        await Tasks.CreateAsync(actor, "First", id: "dup", cancellationToken: TestContext.Current.CancellationToken);

        var duplicate = await Tasks.CreateAsync(actor, "Second", id: "dup", cancellationToken: TestContext.Current.CancellationToken);
        var untitled = await Tasks.CreateAsync(actor, "  ", cancellationToken: TestContext.Current.CancellationToken);

        duplicate.Failure!.Kind.ShouldBe(FailureKind.Conflict);
        untitled.Failure!.Message.ShouldStartWith("title:");
    }

    [Fact]
    public async Task Cancel_EndsRunningTask_AndSendsTheAgentACommand()
    {
        var actor = await _host.CreateUserAsync("staff");
        await _host.Get<RealtimeApp.Web.Features.Agents.AgentService>().ReportAsync(actor, new("runner-1", "active"), TestContext.Current.CancellationToken);
        await Tasks.CreateAsync(actor, "Deploy", agentId: "runner-1", id: "deploy-1", cancellationToken: TestContext.Current.CancellationToken);
        await Tasks.ReportAsync(actor, new TaskReport("deploy-1", 30, "running"), TestContext.Current.CancellationToken);
        var issued = new ConcurrentQueue<AgentCommandIssued>();
        using var subscription = _host.Get<EventHub>().Subscribe<AgentCommandIssued>(Topics.Agent("runner-1"), issued.Enqueue);

        var cancelled = await _host.Get<TaskControl>().CancelAsync(actor, "deploy-1", TestContext.Current.CancellationToken);
        var again = await _host.Get<TaskControl>().CancelAsync(actor, "deploy-1", TestContext.Current.CancellationToken);

        cancelled.Value!.Status.ShouldBe("cancelled");
        issued.Single().Kind.ShouldBe("cancel");
        again.Failure!.Kind.ShouldBe(FailureKind.Conflict);
        (await _host.Get<RealtimeApp.Web.Features.Agents.AgentCommands>().PendingAsync("runner-1", TestContext.Current.CancellationToken)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Retry_QueuesFailedTaskAgain_AndRefusesRunningOne()
    {
        var actor = await _host.CreateUserAsync("staff");
        await Tasks.CreateAsync(actor, "Flaky", id: "flaky-1", cancellationToken: TestContext.Current.CancellationToken);
        await Tasks.ReportAsync(actor, new TaskReport("flaky-1", 20, "failed", Error: "timeout"), TestContext.Current.CancellationToken);
        await Tasks.CreateAsync(actor, "Busy", id: "busy-1", cancellationToken: TestContext.Current.CancellationToken);
        await Tasks.ReportAsync(actor, new TaskReport("busy-1", 20, "running"), TestContext.Current.CancellationToken);

        var retried = await _host.Get<TaskControl>().RetryAsync(actor, "flaky-1", TestContext.Current.CancellationToken);
        var refused = await _host.Get<TaskControl>().RetryAsync(actor, "busy-1", TestContext.Current.CancellationToken);

        (retried.Value!.Status, retried.Value.Progress, retried.Value.Error).ShouldBe(("queued", 0, (string?)null));
        refused.Failure!.Kind.ShouldBe(FailureKind.Conflict);
    }

    [Fact]
    public async Task List_FiltersByStatusAgentAndText_AndPagesNewestFirst()
    {
        var actor = await _host.CreateUserAsync("lister");
        await Tasks.CreateAsync(actor, "Build api", agentId: "a-1", id: "t-1", cancellationToken: TestContext.Current.CancellationToken);
        await Tasks.CreateAsync(actor, "Build web", agentId: "a-2", id: "t-2", cancellationToken: TestContext.Current.CancellationToken);
        await Tasks.CreateAsync(actor, "Deploy web", agentId: "a-2", id: "t-3", cancellationToken: TestContext.Current.CancellationToken);
        await Tasks.ReportAsync(actor, new TaskReport("t-2", 50, "running"), TestContext.Current.CancellationToken);

        var running = await Tasks.ListAsync(new TaskQuery(Status: "running"), TestContext.Current.CancellationToken);
        var agentTwo = await Tasks.ListAsync(new TaskQuery(AgentId: "a-2"), TestContext.Current.CancellationToken);
        var web = await Tasks.ListAsync(new TaskQuery(Text: "WEB", Take: 1), TestContext.Current.CancellationToken);
        var bad = await Tasks.ListAsync(new TaskQuery(Status: "done"), TestContext.Current.CancellationToken);

        running.Value!.Items.Select(t => t.Id).ShouldBe(["t-2"]);
        agentTwo.Value!.Items.Select(t => t.Id).ShouldBe(["t-3", "t-2"]);
        (web.Value!.Items.Count, web.Value.Total).ShouldBe((1, 2));
        bad.Failure!.Kind.ShouldBe(FailureKind.Invalid);
    }
}

public sealed class TaskServiceOnSqliteTests() : TaskServiceTests(DatabaseProvider.Sqlite);

public sealed class TaskServiceOnPostgresTests() : TaskServiceTests(DatabaseProvider.Postgres);
