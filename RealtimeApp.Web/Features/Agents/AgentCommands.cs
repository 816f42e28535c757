using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Agents;
using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Web.Features.Agents;

/// <summary>Commands for agents: stored, published to the agent's topic, and handed out again until acknowledged.</summary>
public sealed class AgentCommands(IDbContextFactory<ApplicationDbContext> contexts, AgentEvents events, TimeProvider time)
{
    /// <summary>Stores a command in <paramref name="db"/> (the caller commits), to be published with <see cref="Published"/>.</summary>
    public AgentCommand Add(ApplicationDbContext db, string agentId, string kind, string taskId, string issuedBy)
    {
        ArgumentNullException.ThrowIfNull(db);

        var command = new AgentCommand { Id = $"cmd-{Guid.NewGuid():N}", AgentId = agentId, Kind = kind, TaskId = taskId, IssuedBy = issuedBy, IssuedAt = time.GetUtcNow() };
        db.AgentCommands.Add(command);
        return command;
    }

    public void Published(AgentCommand command) => events.CommandIssued(command);

    /// <summary>Whether <paramref name="actor"/> may receive the agent's commands: its owner, or an admin.</summary>
    public async Task<Result<bool>> AuthorizeReceiverAsync(Actor actor, string agentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var owner = await db.Agents.Where(a => a.Id == agentId).Select(a => a.OwnerId).FirstOrDefaultAsync(cancellationToken);
        return owner is null ? Failure.NotFound($"There is no agent '{agentId}': report it with agents.report first.")
            : owner != actor.UserId && !actor.IsAdmin ? Failure.Forbidden($"Agent '{agentId}' belongs to another user.")
            : true;
    }

    /// <summary>What the agent has not acknowledged yet, oldest first: delivered again when it (re)subscribes.</summary>
    public async Task<IReadOnlyList<AgentCommand>> PendingAsync(string agentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = await db.AgentCommands.AsNoTracking()
            .Where(c => c.AgentId == agentId && c.AcknowledgedAt == null)
            .ToListAsync(cancellationToken);
        return pending.OrderBy(c => c.IssuedAt).ToList();
    }
}
