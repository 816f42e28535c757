using System.Text.Json.Serialization;

namespace RealtimeApp.Domain.Realtime.Events;

/// <summary>
/// A task changed status (queued, running, succeeded, failed, cancelled...). Published on <c>task:{taskId}</c>,
/// in the same sequence space as <see cref="TaskProgressed"/>. A board of all tasks subscribes by type.
/// </summary>
/// <param name="TaskId">The task.</param>
/// <param name="Sequence">The task's event sequence.</param>
/// <param name="Status">The new status.</param>
/// <param name="PreviousStatus">The status before, or null for a new task.</param>
/// <param name="Error">Why the task failed, when it did.</param>
/// <param name="At">When the change was committed.</param>
public sealed record TaskStatusChanged(
    string TaskId,
    long Sequence,
    string Status,
    string? PreviousStatus,
    string? Error,
    DateTimeOffset At) : IRealtimeEvent
{
    /// <summary>The task. Get-only so that <c>with</c> cannot move the event without its topic.</summary>
    [JsonPropertyOrder(-1)]
    public string TaskId { get; } = TaskId;

    /// <inheritdoc />
    [JsonIgnore]
    public string Topic { get; } = Topics.Task(TaskId);
}
