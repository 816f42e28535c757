using RealtimeApp.Web.Features.Agents.Store;
using static RealtimeApp.Tests.Features.Agents.Support.AgentSamples;

namespace RealtimeApp.Tests.Features.Agents.Store;

public sealed class AgentsReducersTests
{
    [Fact]
    public void OnLoaded_OrdersAgentsById_AndMarksLoaded()
    {
        var state = AgentsReducers.OnLoaded(new AgentsState(), new AgentsLoaded([Agent("b"), Agent("c"), Agent("a")]));

        state.IsLoaded.ShouldBeTrue();
        state.Agents.Select(a => a.Id).ShouldBe(["a", "b", "c"]);
    }

    [Fact]
    public void OnLoaded_KeepsTheLiveAgent_WhenItsHeartbeatIsNewerThanTheLoadedOne()
    {
        var live = AgentsReducers.OnDiscovered(new AgentsState(), new AgentDiscovered(Agent("a", "active", lastHeartbeat: Noon.AddSeconds(5))));

        var state = AgentsReducers.OnLoaded(live, new AgentsLoaded([Agent("a", "idle", lastHeartbeat: Noon)]));

        state.Agents.ShouldHaveSingleItem().Status.ShouldBe("active");
    }

    [Fact]
    public void OnStatus_UpdatesTheAgentInPlace_WhenItIsKnown()
    {
        var state = AgentsReducers.OnLoaded(new AgentsState(), new AgentsLoaded([Agent("a", version: "1.0"), Agent("b")]));

        var updated = AgentsReducers.OnStatus(state, Status("b", "active", "t1", 40));

        updated.Agents.Select(a => a.Id).ShouldBe(["a", "b"]);
        updated.Agents[1].ShouldBe(Agent("b") with { Status = "active", CurrentTaskId = "t1", Progress = 40, LastHeartbeat = Noon.AddSeconds(1) });
        updated.Agents[0].ShouldBeSameAs(state.Agents[0]);
    }

    [Fact]
    public void OnStatus_ReturnsTheSameState_WhenTheAgentIsUnknown()
    {
        var state = AgentsReducers.OnLoaded(new AgentsState(), new AgentsLoaded([Agent("a")]));

        AgentsReducers.OnStatus(state, Status("zz", "active")).ShouldBeSameAs(state);
    }

    [Fact]
    public void OnDiscovered_InsertsTheAgentInIdOrder()
    {
        var state = AgentsReducers.OnLoaded(new AgentsState(), new AgentsLoaded([Agent("a"), Agent("c")]));

        var updated = AgentsReducers.OnDiscovered(state, new AgentDiscovered(Agent("b")));

        updated.Agents.Select(a => a.Id).ShouldBe(["a", "b", "c"]);
    }

    [Fact]
    public void Visible_ShowsOnlyTheChosenStatus_WhenFiltered()
    {
        var state = AgentsReducers.OnLoaded(new AgentsState(), new AgentsLoaded([Agent("a", "active"), Agent("b", "idle"), Agent("c", "active")]));

        var filtered = AgentsReducers.OnFilter(state, new AgentsFilterChanged("active"));

        filtered.Visible.Select(a => a.Id).ShouldBe(["a", "c"]);
        filtered.CountOf("idle").ShouldBe(1);
        AgentsReducers.OnFilter(filtered, new AgentsFilterChanged(null)).Visible.Count().ShouldBe(3);
    }
}
