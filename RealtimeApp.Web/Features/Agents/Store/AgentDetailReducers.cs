using RealtimeApp.Web.State;

namespace RealtimeApp.Web.Features.Agents.Store;

public static class AgentDetailReducers
{
    [ReducerMethod]
    public static AgentDetailState OnOpened(AgentDetailState state, AgentDetailOpened action) =>
        new() { AgentId = action.AgentId, IsLoading = true };

    [ReducerMethod]
    public static AgentDetailState OnLoaded(AgentDetailState state, AgentDetailLoaded action) =>
        action.Agent.Id != state.AgentId
            ? state
            : state with { Agent = action.Agent, History = [.. action.History], RecentTasks = [.. action.RecentTasks], IsLoading = false, NotFound = false };

    [ReducerMethod]
    public static AgentDetailState OnNotFound(AgentDetailState state, AgentDetailNotFound action) =>
        action.AgentId != state.AgentId ? state : state with { Agent = null, IsLoading = false, NotFound = true };

    [ReducerMethod]
    public static AgentDetailState OnStatus(AgentDetailState state, AgentStatusReceived action)
    {
        if (state.Agent is not { } agent || agent.Id != action.AgentId)
        {
            return state;
        }

        var task = state.RecentTasks.Find(t => t.Id == action.CurrentTaskId);
        var tasks = task is null || action.Progress is not { } progress ? state.RecentTasks : state.RecentTasks.Replace(task, task with { Progress = progress });
        return state with { Agent = AgentsReducers.Apply(agent, action), RecentTasks = tasks };
    }

    [ReducerMethod]
    public static AgentDetailState OnHistory(AgentDetailState state, AgentHistoryLoaded action) =>
        action.AgentId != state.AgentId ? state : state with { History = [.. action.History] };

    [ReducerMethod]
    public static AgentDetailState OnTasks(AgentDetailState state, AgentTasksLoaded action) =>
        action.AgentId != state.AgentId ? state : state with { RecentTasks = [.. action.Tasks] };
}
