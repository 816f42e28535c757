using RealtimeApp.Web.Features.Agents;
using RealtimeApp.Web.Features.Agents.Store;
using static RealtimeApp.Tests.Features.Agents.Support.AgentSamples;

namespace RealtimeApp.Tests.Features.Agents.Store;

public sealed class AgentDetailReducersTests
{
    private static AgentDetailState Loaded(params RealtimeApp.Web.Features.Tasks.TaskView[] tasks) =>
        AgentDetailReducers.OnLoaded(
            AgentDetailReducers.OnOpened(new AgentDetailState(), new AgentDetailOpened("a1")),
            new AgentDetailLoaded(Agent("a1", "active", "t1", 10), [new AgentStatusPoint("active", Noon)], tasks));

    [Fact]
    public void OnLoaded_ShowsTheAgent_WhenItIsTheOpenOne()
    {
        var state = Loaded(Task("t1"));

        state.IsLoading.ShouldBeFalse();
        state.Agent!.Id.ShouldBe("a1");
        state.History.ShouldHaveSingleItem().Status.ShouldBe("active");
        state.RecentTasks.ShouldHaveSingleItem().Id.ShouldBe("t1");
    }

    [Fact]
    public void OnLoaded_IsIgnored_WhenAnotherAgentWasOpenedMeanwhile()
    {
        var opened = AgentDetailReducers.OnOpened(new AgentDetailState(), new AgentDetailOpened("a2"));

        AgentDetailReducers.OnLoaded(opened, new AgentDetailLoaded(Agent("a1"), [], [])).ShouldBeSameAs(opened);
    }

    [Fact]
    public void OnStatus_UpdatesTheAgentAndItsCurrentTaskProgress()
    {
        var state = Loaded(Task("t1", progress: 10), Task("t0", "succeeded", 100));

        var updated = AgentDetailReducers.OnStatus(state, Status("a1", "active", "t1", 70));

        updated.Agent!.Progress.ShouldBe(70);
        updated.RecentTasks.Select(t => t.Progress).ShouldBe([70, 100]);
    }

    [Fact]
    public void OnStatus_ReturnsTheSameState_ForAnotherAgent()
    {
        var state = Loaded();

        AgentDetailReducers.OnStatus(state, Status("a2", "idle")).ShouldBeSameAs(state);
    }

    [Fact]
    public void OnNotFound_ShowsNotFound_ForTheOpenAgent()
    {
        var opened = AgentDetailReducers.OnOpened(new AgentDetailState(), new AgentDetailOpened("ghost"));

        var state = AgentDetailReducers.OnNotFound(opened, new AgentDetailNotFound("ghost"));

        state.NotFound.ShouldBeTrue();
        state.IsLoading.ShouldBeFalse();
    }

    [Fact]
    public void TasksAreStale_IsTrue_WhenTheAgentStartsANewTaskOrLeavesAnUnfinishedOne()
    {
        var state = Loaded(Task("t1"), Task("t0", "succeeded", 100));

        AgentsEffects.TasksAreStale(state, Status("a1", "active", "t1", 50)).ShouldBeFalse();
        AgentsEffects.TasksAreStale(state, Status("a1", "active", "t2", 0)).ShouldBeTrue();
        AgentsEffects.TasksAreStale(state, Status("a1", "idle")).ShouldBeTrue();
        AgentsEffects.TasksAreStale(Loaded(Task("t1", "queued")), Status("a1", "active", "t1", 0)).ShouldBeTrue();
    }
}
