using System.Collections.Immutable;
using RealtimeApp.Web.State;

namespace RealtimeApp.Web.Features.Agents.Store;

public static class AgentsReducers
{
    [ReducerMethod]
    public static AgentsState OnLoaded(AgentsState state, AgentsLoaded action) =>
        state with { Agents = action.Agents.Aggregate(state.Agents.Clear(), (agents, loaded) => Upsert(agents, Newer(state.Agents, loaded))), IsLoaded = true };

    [ReducerMethod]
    public static AgentsState OnDiscovered(AgentsState state, AgentDiscovered action) =>
        state with { Agents = Upsert(state.Agents, Newer(state.Agents, action.Agent)) };

    [ReducerMethod]
    public static AgentsState OnStatus(AgentsState state, AgentStatusReceived action)
    {
        var agent = state.Agents.Find(a => a.Id == action.AgentId);
        return agent is null ? state : state with { Agents = state.Agents.Replace(agent, Apply(agent, action)) };
    }

    [ReducerMethod]
    public static AgentsState OnFilter(AgentsState state, AgentsFilterChanged action) => state with { StatusFilter = action.Status };

    /// <summary>An agent as the live event describes it (the event carries everything that changes with a report, not the name or version).</summary>
    public static AgentView Apply(AgentView agent, AgentStatusReceived action)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(action);

        return agent with { Status = action.Status, CurrentTaskId = action.CurrentTaskId, Progress = action.Progress, LastHeartbeat = action.LastHeartbeat };
    }

    // A live report can overtake a list read started before it: the fresher heartbeat wins.
    private static AgentView Newer(ImmutableList<AgentView> known, AgentView loaded) =>
        known.Find(a => a.Id == loaded.Id) is { } current && current.LastHeartbeat > loaded.LastHeartbeat ? current : loaded;

    private static ImmutableList<AgentView> Upsert(ImmutableList<AgentView> agents, AgentView agent)
    {
        var index = agents.FindIndex(a => string.CompareOrdinal(a.Id, agent.Id) >= 0);
        return index < 0 ? agents.Add(agent)
            : agents[index].Id == agent.Id ? agents.SetItem(index, agent)
            : agents.Insert(index, agent);
    }
}
