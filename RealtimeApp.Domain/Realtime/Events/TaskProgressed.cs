using System.Text.Json.Serialization;

namespace RealtimeApp.Domain.Realtime.Events;

/// <summary>A task reported progress. Published on <c>task:{taskId}</c>.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="Sequence">The task's monotonically increasing event sequence (the resume cursor).</param>
/// <param name="Progress">Percent complete, 0 to 100.</param>
/// <param name="Status">The task status at this point, e.g. <c>running</c>.</param>
/// <param name="Message">An optional line for the task's timeline.</param>
/// <param name="At">When the progress was committed.</param>
public sealed record TaskProgressed(
    string TaskId,
    long Sequence,
    int Progress,
    string Status,
    string? Message,
    DateTimeOffset At) : IRealtimeEvent
{
    /// <summary>The task. Get-only so that <c>with</c> cannot move the event without its topic.</summary>
    [JsonPropertyOrder(-1)]
    public string TaskId { get; } = TaskId;

    /// <inheritdoc />
    [JsonIgnore]
    public string Topic { get; } = Topics.Task(TaskId);
}
