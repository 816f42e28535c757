using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Features.Tasks.Support;
using RealtimeApp.Web.Features.Agents;
using RealtimeApp.Web.Features.Tasks;
using RealtimeApp.Web.Features.Tasks.Store;

namespace RealtimeApp.Tests.Features.Tasks.Store;

public sealed class TaskDetailEffectsTests : IAsyncLifetime
{
    private ChatHost _host = null!;
    private Actor _agent = null!;

    private TaskService Tasks => _host.Get<TaskService>();

    public async ValueTask InitializeAsync()
    {
        _host = await ChatHost.StartAsync(configureServices: TaskCircuit.AddServices);
        _agent = await _host.CreateUserAsync("agent-owner");
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Opened_LoadsTheWholeTimeline_ThenGrowsLiveWithoutDuplicates()
    {
        await CreateAsync("t-1");
        await ReportAsync("t-1", 10);
        await using var circuit = await TaskCircuit.OpenAsync(_host, await _host.CreateUserAsync("staff"));

        circuit.Dispatcher.Dispatch(new TaskDetailOpened("t-1"));
        await circuit.WaitUntilAsync(c => c.Detail.Task is not null, "the task is loaded");
        await ReportAsync("t-1", 60);
        await ReportAsync("t-1", 100, "succeeded");

        await circuit.WaitUntilAsync(c => c.Detail.Events.Count == 4, "the timeline has four entries");
        circuit.Detail.Events.Select(e => (e.Sequence, e.Progress, e.Status)).ShouldBe([(1L, 0, "queued"), (2L, 10, "running"), (3L, 60, "running"), (4L, 100, "succeeded")]);
        (circuit.Detail.Task!.Status, circuit.Detail.Task.Progress).ShouldBe(("succeeded", 100));
    }

    [Fact]
    public async Task Opened_ShowsNotFound_WhenThereIsNoSuchTask()
    {
        await using var circuit = await TaskCircuit.OpenAsync(_host, await _host.CreateUserAsync("staff"));

        circuit.Dispatcher.Dispatch(new TaskDetailOpened("nope"));

        await circuit.WaitUntilAsync(c => c.Detail.NotFound, "the task is reported missing");
    }

    [Fact]
    public async Task FailureLive_LoadsTheFailureDetails()
    {
        await CreateAsync("t-2");
        await using var circuit = await TaskCircuit.OpenAsync(_host, await _host.CreateUserAsync("staff"));
        circuit.Dispatcher.Dispatch(new TaskDetailOpened("t-2"));
        await circuit.WaitUntilAsync(c => c.Detail.Task is not null, "the task is loaded");

        (await Tasks.ReportAsync(_agent, new TaskReport("t-2", 30, "failed", Error: "disk full", ErrorDetails: "at Disk.Write()\n<b>not bold</b>"), TestContext.Current.CancellationToken))
            .Failure.ShouldBeNull();

        await circuit.WaitUntilAsync(c => c.Detail.Task!.ErrorDetails is not null, "the failure details are shown");
        (circuit.Detail.Task!.Error, circuit.Detail.Task.ErrorDetails).ShouldBe(("disk full", "at Disk.Write()\n<b>not bold</b>"));
    }

    [Fact]
    public async Task CancelTask_CancelsThroughTaskControl_AndStoresACommandForTheAgent()
    {
        await _host.Get<AgentService>().ReportAsync(_agent, new AgentReport("runner-1", "active"), TestContext.Current.CancellationToken);
        await CreateAsync("t-3", agentId: "runner-1");
        await ReportAsync("t-3", 40);
        await using var circuit = await TaskCircuit.OpenAsync(_host, await _host.CreateUserAsync("staff"));
        circuit.Dispatcher.Dispatch(new TaskDetailOpened("t-3"));
        await circuit.WaitUntilAsync(c => c.Detail.Task is not null, "the task is loaded");

        circuit.Dispatcher.Dispatch(new CancelTask("t-3"));

        await circuit.WaitUntilAsync(c => c.Detail.Task!.Status == "cancelled" && !c.Detail.CommandPending, "the task shows cancelled");
        circuit.Snackbar.ShownSnackbars.Select(s => s.Message).ShouldContain("Task cancelled; agent runner-1 has been told.");
        await using var db = await _host.OpenDbAsync();
        (await db.AgentCommands.SingleAsync(TestContext.Current.CancellationToken)).ShouldSatisfyAllConditions(
            command => command.Kind.ShouldBe("cancel"),
            command => command.TaskId.ShouldBe("t-3"));
    }

    [Fact]
    public async Task RetryTask_ShowsTheRefusal_WhenTheTaskIsRunning()
    {
        await CreateAsync("t-4");
        await ReportAsync("t-4", 40);
        await using var circuit = await TaskCircuit.OpenAsync(_host, await _host.CreateUserAsync("staff"));
        circuit.Dispatcher.Dispatch(new TaskDetailOpened("t-4"));
        await circuit.WaitUntilAsync(c => c.Detail.Task is not null, "the task is loaded");

        circuit.Dispatcher.Dispatch(new RetryTask("t-4"));

        await circuit.WaitUntilAsync(c => c.Actions.OfType<TaskCommandFinished>().Any(), "the retry was answered");
        circuit.Snackbar.ShownSnackbars.Single().Message!.ShouldContain("only failed or cancelled tasks can be retried");
        circuit.Detail.Task!.Status.ShouldBe("running");
    }

    private async Task CreateAsync(string id, string? agentId = null) =>
        (await Tasks.CreateAsync(_agent, "Build", agentId, id, TestContext.Current.CancellationToken)).Failure.ShouldBeNull();

    private async Task ReportAsync(string id, int progress, string status = "running") =>
        (await Tasks.ReportAsync(_agent, new TaskReport(id, progress, status), TestContext.Current.CancellationToken)).Failure.ShouldBeNull();
}
