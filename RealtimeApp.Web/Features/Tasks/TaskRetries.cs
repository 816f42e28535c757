using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Tasks;

namespace RealtimeApp.Web.Features.Tasks;

/// <summary>How a create that carries a client id its user already used is answered.</summary>
internal static class TaskRetries
{
    /// <summary>
    /// The task created under that id when the create asked for the same title, agent and (when given) task id: a retry;
    /// otherwise a conflict. The task as it is now (a retry after it made progress sees the progress).
    /// </summary>
    public static Result<TaskView> Answer(TaskRecord earlier, string title, string? agentId, string? id) =>
        string.Equals(earlier.Title, title.Trim(), StringComparison.Ordinal)
        && string.Equals(earlier.AgentId, agentId, StringComparison.Ordinal)
        && (id is null || string.Equals(earlier.Id, id, StringComparison.Ordinal))
            ? TaskView.From(earlier)
            : Failure.Conflict($"clientId '{earlier.ClientId}' was already used for another task ('{earlier.Id}'); create a new task with a new clientId.");
}
