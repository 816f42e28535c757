using System.Collections.Immutable;
using RealtimeApp.Web.Features.Tasks;
using RealtimeApp.Web.State;

namespace RealtimeApp.Web.Features.Agents.Store;

/// <summary>The agent detail page: the open agent, its status history and its recent tasks.</summary>
[FeatureState(MaximumStateChangedNotificationsPerSecond = 10)]
public sealed record AgentDetailState
{
    public string? AgentId { get; init; }

    public AgentView? Agent { get; init; }

    /// <summary>Status changes, oldest first.</summary>
    public ImmutableList<AgentStatusPoint> History { get; init; } = [];

    /// <summary>The agent's newest tasks, newest first.</summary>
    public ImmutableList<TaskView> RecentTasks { get; init; } = [];

    public bool IsLoading { get; init; }

    public bool NotFound { get; init; }
}
