namespace RealtimeApp.Domain.Tasks;

/// <summary>The allowed moves between <see cref="TaskState"/>s and their wire names.</summary>
public static class TaskStates
{
    public static bool IsFinished(this TaskState state) => state is TaskState.Succeeded or TaskState.Failed or TaskState.Cancelled;

    /// <summary>True when a task may go from <paramref name="from"/> to <paramref name="to"/> (staying put counts for running).</summary>
    public static bool CanMove(TaskState from, TaskState to) => (from, to) switch
    {
        (TaskState.Queued, TaskState.Running or TaskState.Failed or TaskState.Cancelled or TaskState.Succeeded) => true,
        (TaskState.Running, TaskState.Running or TaskState.Succeeded or TaskState.Failed or TaskState.Cancelled) => true,
        (TaskState.Failed or TaskState.Cancelled, TaskState.Queued) => true,
        _ => false,
    };

    public static string ToWire(this TaskState state) => state.ToString().ToLowerInvariant();

    public static TaskState? FromWire(string? value) =>
        Enum.TryParse<TaskState>(value, ignoreCase: true, out var state) && Enum.IsDefined(state) && !int.TryParse(value, out _) ? state : null;
}
