using RealtimeApp.Domain.Tasks;

namespace RealtimeApp.Web.Features.Tasks;

/// <summary>A task as pages and API clients see it (status as its wire name; <see cref="ClientId"/>: the creator's client id, null when none).</summary>
public sealed record TaskView(
    string Id,
    string Title,
    string? AgentId,
    string Status,
    int Progress,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    string? ErrorDetails,
    long LastSequence,
    string? ClientId = null)
{
    public static TaskView From(TaskRecord task)
    {
        ArgumentNullException.ThrowIfNull(task);

        return new(task.Id, task.Title, task.AgentId, task.State.ToWire(), task.Progress, task.CreatedAt, task.StartedAt, task.FinishedAt,
            task.Error, task.ErrorDetails, task.LastSequence, task.ClientId);
    }
}
