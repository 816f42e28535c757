using System.Collections.Immutable;
using RealtimeApp.Web.State;

namespace RealtimeApp.Web.Features.Tasks.Store;

/// <summary>The Tasks page of one circuit: the query, the rows of the current page (updated in place) and what is new.</summary>
[FeatureState(MaximumStateChangedNotificationsPerSecond = 20)]
public sealed record TaskListState
{
    public TaskListQuery Query { get; init; } = new();

    public ImmutableList<TaskView> Rows { get; init; } = [];

    /// <summary>How many tasks match the filters in all pages.</summary>
    public int Total { get; init; }

    public bool Loading { get; init; }

    /// <summary>True once a page has arrived, so "no tasks" is not shown before anything was asked.</summary>
    public bool Loaded { get; init; }

    public string? Error { get; init; }

    /// <summary>The agents to filter by: those known when the page was opened, and those of tasks created since.</summary>
    public ImmutableList<string> AgentIds { get; init; } = [];

    /// <summary>Matching tasks created since the page was loaded that are not on it (the "N new tasks" notice).</summary>
    public ImmutableHashSet<string> NewTaskIds { get; init; } = [];

    /// <summary>Live events that arrived while a page was loading, applied to it when it arrives.</summary>
    public ImmutableList<object> Buffered { get; init; } = [];
}
