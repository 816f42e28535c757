using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Features.Tasks.Support;
using RealtimeApp.Web.Features.Agents;
using RealtimeApp.Web.Features.Tasks;
using RealtimeApp.Web.Features.Tasks.Store;

namespace RealtimeApp.Tests.Features.Tasks.Store;

public sealed class TaskListEffectsTests : IAsyncLifetime
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
    public async Task Opened_LoadsThePageAndTheAgents_ThenFollowsProgressLive()
    {
        await _host.Get<AgentService>().ReportAsync(_agent, new AgentReport("runner-1", "active"), TestContext.Current.CancellationToken);
        await CreateAsync("build-1", "Build web");
        await using var circuit = await TaskCircuit.OpenAsync(_host, await _host.CreateUserAsync("staff"));
        circuit.Dispatcher.Dispatch(new TaskListOpened());
        await circuit.WaitUntilAsync(c => c.List.Loaded && !c.List.AgentIds.IsEmpty, "the first page and the agents are loaded");

        await ReportAsync("build-1", 60);

        await circuit.WaitUntilAsync(c => c.List.Rows.Single().Progress == 60, "the row shows 60 %");
        circuit.List.Rows.Single().Status.ShouldBe("running");
        circuit.List.AgentIds.ShouldBe(["runner-1"]);
    }

    [Fact]
    public async Task TaskForANewAgent_AddsTheAgentToTheFilter_InItsPlace()
    {
        await _host.Get<AgentService>().ReportAsync(_agent, new AgentReport("runner-1", "active"), TestContext.Current.CancellationToken);
        await _host.Get<AgentService>().ReportAsync(_agent, new AgentReport("runner-3", "active"), TestContext.Current.CancellationToken);
        await using var circuit = await TaskCircuit.OpenAsync(_host, await _host.CreateUserAsync("staff"));
        circuit.Dispatcher.Dispatch(new TaskListOpened());
        await circuit.WaitUntilAsync(c => c.List.Loaded && c.List.AgentIds.Count == 2, "the page and the agents are loaded");

        await CreateAsync("deploy-1", "Deploy", agentId: "runner-2");

        await circuit.WaitUntilAsync(c => c.List.AgentIds.Count == 3, "the new agent is offered");
        circuit.List.AgentIds.ShouldBe(["runner-1", "runner-2", "runner-3"]);
    }

    [Fact]
    public async Task NewMatchingTask_AppearsOnTop_WhenThePageShowsNewestFirst()
    {
        await CreateAsync("old-1", "Build web");
        await using var circuit = await TaskCircuit.OpenAsync(_host, await _host.CreateUserAsync("staff"));
        circuit.Dispatcher.Dispatch(new TaskListOpened());
        circuit.Dispatcher.Dispatch(new TaskListQueryChanged(new TaskListQuery(Text: "web")));
        await circuit.WaitUntilAsync(c => c.List is { Loaded: true, Loading: false, Query.Text: "web" }, "the filtered page is loaded");

        await CreateAsync("other-1", "Deploy api");
        await CreateAsync("new-1", "Test web");

        await circuit.WaitUntilAsync(c => c.List.Rows.Count == 2, "the new matching task is on the page");
        circuit.List.Rows.Select(row => row.Id).ShouldBe(["new-1", "old-1"]);
        circuit.List.Total.ShouldBe(2);
    }

    [Fact]
    public async Task QueryChanged_LoadsTheSortedFilteredPage()
    {
        await CreateAsync("b", "Beta");
        await CreateAsync("a", "Alpha");
        await CreateAsync("c", "Gamma");
        await ReportAsync("c", 50);
        await using var circuit = await TaskCircuit.OpenAsync(_host, await _host.CreateUserAsync("staff"));

        circuit.Dispatcher.Dispatch(new TaskListQueryChanged(new TaskListQuery(Status: "queued", Sort: TaskSort.Title, Descending: false)));

        await circuit.WaitUntilAsync(c => c.List.Loaded, "the page is loaded");
        circuit.List.Rows.Select(row => row.Title).ShouldBe(["Alpha", "Beta"]);
    }

    [Fact]
    public async Task Closed_EndsTheCircuitsTaskSubscriptions()
    {
        await using var circuit = await TaskCircuit.OpenAsync(_host, await _host.CreateUserAsync("staff"));
        var aggregator = circuit.Get<EventAggregator>();
        circuit.Dispatcher.Dispatch(new TaskListOpened());
        await circuit.WaitUntilAsync(c => c.List.Loaded, "the page is loaded");
        var watching = aggregator.SubscriptionCount;

        circuit.Dispatcher.Dispatch(new TaskListClosed());

        await circuit.WaitUntilAsync(_ => aggregator.SubscriptionCount == 0, "no task subscription is left");
        watching.ShouldBe(3, "every task's progress and status, and the backplane's return");
    }

    private async Task CreateAsync(string id, string title, string? agentId = null) =>
        (await Tasks.CreateAsync(_agent, title, agentId, id: id, TestContext.Current.CancellationToken)).Failure.ShouldBeNull();

    private async Task ReportAsync(string id, int progress) =>
        (await Tasks.ReportAsync(_agent, new TaskReport(id, progress, "running"), TestContext.Current.CancellationToken)).Failure.ShouldBeNull();
}
