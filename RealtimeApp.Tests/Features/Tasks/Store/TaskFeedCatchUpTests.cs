using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Features.Tasks.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Features.Tasks;
using RealtimeApp.Web.Features.Tasks.Store;

namespace RealtimeApp.Tests.Features.Tasks.Store;

public sealed class TaskFeedCatchUpTests : IAsyncLifetime
{
    private const int ReportCount = 5_000;

    private ChatHost _host = null!;
    private Actor _agent = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ChatHost.StartAsync(configureServices: services =>
        {
            TaskCircuit.AddServices(services);
            HeldDispatcher.AddTo(services);
        });
        _agent = await _host.CreateUserAsync("agent-owner");
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Follow_EndsWithEveryEntryOnceInOrder_WhenTheDetailPageIsHeldWhileFiveThousandAreReported()
    {
        var tasks = _host.Get<TaskService>();
        (await tasks.CreateAsync(_agent, "Build", null, "t-long", TestContext.Current.CancellationToken)).Failure.ShouldBeNull();
        await using var circuit = await TaskCircuit.OpenAsync(_host, await _host.CreateUserAsync("staff"));
        circuit.Dispatcher.Dispatch(new TaskDetailOpened("t-long"));
        await circuit.WaitUntilAsync(c => c.Detail.Task is not null, "the task is loaded");
        using var resyncs = _host.CountOnAppMeter("realtimeapp.stream.resyncs");
        var held = circuit.Get<HeldDispatcher>();

        held.Hold(action => action is TaskProgressReceived);
        for (var report = 1; report <= ReportCount; report++)
        {
            var progress = report * 100 / ReportCount;
            (await tasks.ReportAsync(_agent, new TaskReport("t-long", progress, progress == 100 ? "succeeded" : "running"), TestContext.Current.CancellationToken))
                .Failure.ShouldBeNull();
        }

        await Realtime.Support.Eventually.WaitUntilAsync(() => held.Waiting == 1, "the task's feed is held");
        held.Release();

        await circuit.WaitUntilAsync(
            c => c.Detail.Events.Count == ReportCount + 1, $"the creation and all {ReportCount} reports are shown", TimeSpan.FromMinutes(2));
        circuit.Detail.Events.Select(e => e.Sequence).ShouldBe(SequenceRange.Of(1, ReportCount + 1), "each entry once, in order");
        circuit.Actions.OfType<TaskProgressReceived>().Select(r => r.Entry.Sequence)
            .ShouldBe(SequenceRange.Of(2, ReportCount + 1), "the feed dispatched each report once, in order");
        circuit.Detail.Task!.Status.ShouldBe("succeeded");
        resyncs.Total.ShouldBeGreaterThan(0, "the held feed overflowed and read the rest back from the database");
    }
}
