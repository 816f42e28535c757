using RealtimeApp.Domain.Agents;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Web.Features.Tasks;

/// <summary>
/// The agents as Tasks needs them, implemented by the Agents feature (which depends on Tasks, never the other way):
/// who there is to filter by, and a command for the agent doing a task.
/// </summary>
public interface ITaskAgents
{
    /// <summary>Every known agent's id, for the Tasks page's agent filter.</summary>
    Task<IReadOnlyList<string>> ListIdsAsync(CancellationToken cancellationToken = default);

    /// <summary>Stages a command for the agent in <paramref name="db"/> (the caller commits); null when there is no such agent.</summary>
    Task<AgentCommand?> StageCommandAsync(ApplicationDbContext db, string agentId, string kind, string taskId, string issuedBy, CancellationToken cancellationToken);

    /// <summary>Sends a committed command to its agent.</summary>
    void Publish(AgentCommand command);
}
