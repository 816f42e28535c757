namespace RealtimeApp.Domain.Tasks;

/// <summary>Where a task is in its life: queued → running → succeeded | failed | cancelled; failed and cancelled may be retried.</summary>
public enum TaskState
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
