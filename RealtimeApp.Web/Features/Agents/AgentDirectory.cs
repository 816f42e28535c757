using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Common;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Web.Features.Agents;

/// <summary>Reads agents for the pages: one agent, and its status history.</summary>
public sealed class AgentDirectory(IDbContextFactory<ApplicationDbContext> contexts)
{
    public const int MaxHistory = 500;

    public async Task<Result<AgentView>> GetAsync(string agentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var agent = await db.Agents.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agentId, cancellationToken);
        return agent is null ? Failure.NotFound($"There is no agent '{agentId}'.") : AgentView.From(agent);
    }

    /// <summary>The newest <see cref="MaxHistory"/> status changes, oldest first.</summary>
    public async Task<IReadOnlyList<AgentStatusPoint>> HistoryAsync(string agentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = await db.AgentStatusHistory.AsNoTracking()
            .Where(e => e.AgentId == agentId)
            .OrderByDescending(e => e.Id)
            .Take(MaxHistory)
            .ToListAsync(cancellationToken);
        return entries.OrderBy(e => e.Id).Select(e => new AgentStatusPoint(e.Status.ToString().ToLowerInvariant(), e.At)).ToList();
    }
}
