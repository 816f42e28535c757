namespace RealtimeApp.Domain.Tasks;

/// <summary>One entry of a task's append-only timeline; <see cref="Sequence"/> is the resume point for subscribers.</summary>
public sealed class TaskProgressEvent
{
    public long Id { get; init; }

    public required string TaskId { get; init; }

    public long Sequence { get; init; }

    public int Progress { get; init; }

    public TaskState State { get; init; }

    public string? Message { get; init; }

    public DateTimeOffset At { get; init; }
}
