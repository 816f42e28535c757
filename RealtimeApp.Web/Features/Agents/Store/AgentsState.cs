using System.Collections.Immutable;
using RealtimeApp.Web.State;

namespace RealtimeApp.Web.Features.Agents.Store;

/// <summary>The agents page of one circuit: every agent as last reported, and the status the user filters by.</summary>
[FeatureState(MaximumStateChangedNotificationsPerSecond = 10)]
public sealed record AgentsState
{
    /// <summary>Every agent, ordered by id.</summary>
    public ImmutableList<AgentView> Agents { get; init; } = [];

    public bool IsLoaded { get; init; }

    /// <summary>The status shown (<c>active</c>, <c>idle</c>, <c>error</c>, <c>offline</c>), or null for all.</summary>
    public string? StatusFilter { get; init; }

    public IEnumerable<AgentView> Visible => StatusFilter is null ? Agents : Agents.Where(agent => agent.Status == StatusFilter);

    public int CountOf(string status) => Agents.Count(agent => agent.Status == status);
}
