using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RealtimeApp.Domain.Agents;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Web.Features.Agents;

/// <summary>
/// Marks agents offline when they have gone quiet for <c>Agents:OfflineAfterSeconds</c>, and publishes that like any
/// other status change.
/// </summary>
public sealed class AgentOfflineSweeper(
    IDbContextFactory<ApplicationDbContext> contexts,
    AgentEvents events,
    IOptions<AgentOptions> options,
    TimeProvider time,
    ILogger<AgentOfflineSweeper> logger) : BackgroundService
{
    /// <summary>One pass: returns the agents it marked offline.</summary>
    public async Task<IReadOnlyList<string>> SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var deadline = now - TimeSpan.FromSeconds(options.Value.OfflineAfterSeconds);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var silent = await db.Agents.Where(a => a.Status != AgentStatus.Offline && a.LastHeartbeat <= deadline).ToListAsync(cancellationToken);
        foreach (var agent in silent)
        {
            agent.Status = AgentStatus.Offline;
            db.AgentStatusHistory.Add(new AgentStatusEntry { AgentId = agent.Id, Status = AgentStatus.Offline, At = now });
        }

        await db.SaveChangesAsync(cancellationToken);
        silent.ForEach(events.StatusChanged);
        return silent.Select(agent => agent.Id).ToList();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SweepSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Marking silent agents offline failed");
            }
        }
    }
}
