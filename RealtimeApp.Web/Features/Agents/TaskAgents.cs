using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Agents;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Tasks;

namespace RealtimeApp.Web.Features.Agents;

/// <summary>The agents as the Tasks feature sees them: their ids, and the commands Tasks issues when staff cancel or retry.</summary>
public sealed class TaskAgents(AgentService agents, AgentCommands commands) : ITaskAgents
{
    public async Task<IReadOnlyList<string>> ListIdsAsync(CancellationToken cancellationToken = default) =>
        (await agents.ListAsync(cancellationToken)).Select(agent => agent.Id).ToList();

    public async Task<AgentCommand?> StageCommandAsync(
        ApplicationDbContext db, string agentId, string kind, string taskId, string issuedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);

        return await db.Agents.AnyAsync(a => a.Id == agentId, cancellationToken)
            ? commands.Add(db, agentId, kind, taskId, issuedBy)
            : null;
    }

    public void Publish(AgentCommand command) => commands.Published(command);
}
