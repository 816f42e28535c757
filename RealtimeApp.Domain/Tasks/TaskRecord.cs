using RealtimeApp.Domain.Common;

namespace RealtimeApp.Domain.Tasks;

/// <summary>A unit of work watched live: progress 0–100, a validated state machine and a numbered timeline.</summary>
public sealed class TaskRecord
{
    public const int MaxTitleLength = 200;
    public const int MaxMessageLength = 1000;
    public const int MaxErrorDetailsLength = 20_000;

    public required string Id { get; init; }

    public required string Title { get; set; }

    public string? AgentId { get; set; }

    /// <summary>The user (or API token owner) who created the task.</summary>
    public string? CreatedBy { get; init; }

    /// <summary>The id the creator's client gave the create (unique per creator), so a retry finds this task instead of making another.</summary>
    public string? ClientId { get; init; }

    public TaskState State { get; set; }

    public int Progress { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? Error { get; set; }

    public string? ErrorDetails { get; set; }

    public long LastSequence { get; set; }

    /// <summary>
    /// Applies a report from the agent doing the task: progress must be 0–100, a finished task takes no more reports,
    /// the state may only move along <see cref="TaskStates.CanMove"/>, and succeeding means 100 %.
    /// Returns the timeline entry to store, numbered after the last one.
    /// </summary>
    public Result<TaskProgressEvent> Report(int progress, TaskState state, string? message, string? error, string? errorDetails, DateTimeOffset at)
    {
        if (progress is < 0 or > 100)
        {
            return Failure.Invalid($"progress: must be between 0 and 100 (was {progress}).");
        }

        if (State.IsFinished())
        {
            return Failure.Conflict($"Task {Id} is {State.ToWire()}: it takes no more progress.");
        }

        if (!TaskStates.CanMove(State, state) || state == TaskState.Queued)
        {
            return Failure.Conflict($"Task {Id} cannot go from {State.ToWire()} to {state.ToWire()}.");
        }

        if (message?.Length > MaxMessageLength || errorDetails?.Length > MaxErrorDetailsLength)
        {
            return Failure.Invalid($"message: at most {MaxMessageLength} characters; errorDetails: at most {MaxErrorDetailsLength}.");
        }

        StartedAt ??= at;
        State = state;
        Progress = state == TaskState.Succeeded ? 100 : progress;
        if (state.IsFinished())
        {
            FinishedAt = at;
            (Error, ErrorDetails) = state == TaskState.Failed ? (error ?? message ?? "The task failed.", errorDetails) : (null, null);
        }

        return Append(message, at);
    }

    /// <summary>Cancels a task that has not finished yet.</summary>
    public Result<TaskProgressEvent> Cancel(string? reason, DateTimeOffset at)
    {
        if (State.IsFinished())
        {
            return Failure.Conflict($"Task {Id} is {State.ToWire()}: there is nothing to cancel.");
        }

        State = TaskState.Cancelled;
        FinishedAt = at;
        return Append(reason ?? "Cancelled", at);
    }

    /// <summary>Queues a failed or cancelled task again from 0 %.</summary>
    public Result<TaskProgressEvent> Retry(DateTimeOffset at)
    {
        if (!TaskStates.CanMove(State, TaskState.Queued))
        {
            return Failure.Conflict($"Task {Id} is {State.ToWire()}: only failed or cancelled tasks can be retried.");
        }

        (State, Progress, StartedAt, FinishedAt, Error, ErrorDetails) = (TaskState.Queued, 0, null, null, null, null);
        return Append("Retry requested", at);
    }

    private TaskProgressEvent Append(string? message, DateTimeOffset at) => new()
    {
        TaskId = Id,
        Sequence = ++LastSequence,
        Progress = Progress,
        State = State,
        Message = message,
        At = at,
    };
}
