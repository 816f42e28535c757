using RealtimeApp.Tests.Features.Agents.Support;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Web.Features.Agents;
using RealtimeApp.Web.Features.Agents.Store;
using RealtimeApp.Web.Features.Tasks;

namespace RealtimeApp.Tests.Features.Agents.Store;

public sealed class AgentsEffectsTests
{
    [Fact]
    public async Task Open_LoadsAgents_ThenFollowsTheirReportsLive()
    {
        await using var host = await ChatHost.StartAsync(configureServices: AgentsCircuit.AddServices);
        var owner = await host.CreateUserAsync("owner");
        var agents = host.Get<AgentService>();
        await agents.ReportAsync(owner, new AgentReport("a1", "idle", "Builder"), TestContext.Current.CancellationToken);
        await using var circuit = await AgentsCircuit.OpenAsync(host);

        circuit.Dispatcher.Dispatch(new AgentsOpened());
        await circuit.WaitUntilAsync(c => c.List.IsLoaded, "the agents are loaded");
        await agents.ReportAsync(owner, new AgentReport("a1", "active", CurrentTaskId: "t1", Progress: 30), TestContext.Current.CancellationToken);
        await agents.ReportAsync(owner, new AgentReport("a2", "idle", "Newcomer", Version: "3.0"), TestContext.Current.CancellationToken);

        await circuit.WaitUntilAsync(c => c.List.Agents.Count == 2 && c.List.Agents[0].Status == "active", "a1 turns active and a2 appears");
        circuit.List.Agents[0].ShouldBe(circuit.List.Agents[0] with { DisplayName = "Builder", CurrentTaskId = "t1", Progress = 30 });
        circuit.List.Agents[1].DisplayName.ShouldBe("Newcomer");
        circuit.List.Agents[1].Version.ShouldBe("3.0");
    }

    [Fact]
    public async Task DetailOpened_LoadsHistoryAndRecentTasks_AndReloadsThemWhenTheStatusChanges()
    {
        await using var host = await ChatHost.StartAsync(configureServices: AgentsCircuit.AddServices);
        var owner = await host.CreateUserAsync("owner");
        var agents = host.Get<AgentService>();
        var tasks = host.Get<TaskService>();
        await agents.ReportAsync(owner, new AgentReport("a1", "idle"), TestContext.Current.CancellationToken);
        await tasks.CreateAsync(owner, "Old job", "a1", "old-1", TestContext.Current.CancellationToken);
        await tasks.CreateAsync(owner, "Someone else's", "a2", "other-1", TestContext.Current.CancellationToken);
        await using var circuit = await AgentsCircuit.OpenAsync(host);

        circuit.Dispatcher.Dispatch(new AgentDetailOpened("a1"));
        await circuit.WaitUntilAsync(c => c.Detail.Agent is not null, "the agent is loaded");
        circuit.Detail.History.Select(h => h.Status).ShouldBe(["idle"]);
        circuit.Detail.RecentTasks.Select(t => t.Id).ShouldBe(["old-1"]);
        await tasks.CreateAsync(owner, "New job", "a1", "new-1", TestContext.Current.CancellationToken);
        await agents.ReportAsync(owner, new AgentReport("a1", "active", CurrentTaskId: "new-1", Progress: 5), TestContext.Current.CancellationToken);

        await circuit.WaitUntilAsync(
            c => c.Detail.History.Count == 2 && c.Detail.RecentTasks.Count == 2,
            "the new status and the new task show");
        circuit.Detail.History.Select(h => h.Status).ShouldBe(["idle", "active"]);
        circuit.Detail.RecentTasks.Select(t => t.Id).ShouldBe(["new-1", "old-1"], ignoreOrder: true);
        circuit.Detail.Agent!.Status.ShouldBe("active");
    }

    [Fact]
    public async Task DetailOpened_ShowsNotFound_UntilTheAgentFirstReports()
    {
        await using var host = await ChatHost.StartAsync(configureServices: AgentsCircuit.AddServices);
        var owner = await host.CreateUserAsync("owner");
        await using var circuit = await AgentsCircuit.OpenAsync(host);

        circuit.Dispatcher.Dispatch(new AgentDetailOpened("late"));
        await circuit.WaitUntilAsync(c => c.Detail.NotFound, "the agent is not found");
        await host.Get<AgentService>().ReportAsync(owner, new AgentReport("late", "idle"), TestContext.Current.CancellationToken);

        await circuit.WaitUntilAsync(c => c.Detail.Agent is not null, "the agent shows once it reports");
        circuit.Detail.NotFound.ShouldBeFalse();
    }
}
