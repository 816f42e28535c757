using System.Collections.Immutable;
using RealtimeApp.Web.State;

namespace RealtimeApp.Web.Features.Tasks.Store;

/// <summary>The open task of one circuit: the task, its timeline (by sequence, each once) and a command in flight.</summary>
[FeatureState(MaximumStateChangedNotificationsPerSecond = 20)]
public sealed record TaskDetailState
{
    public string? TaskId { get; init; }

    public TaskView? Task { get; init; }

    /// <summary>Timeline entries, oldest first; live entries that arrive while loading are kept and merged.</summary>
    public ImmutableList<TaskEventView> Events { get; init; } = [];

    public bool Loading { get; init; }

    public bool NotFound { get; init; }

    public string? Error { get; init; }

    /// <summary>A cancel or retry has been sent and has not been answered yet.</summary>
    public bool CommandPending { get; init; }
}
