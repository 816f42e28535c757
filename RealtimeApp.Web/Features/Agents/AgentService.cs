using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Agents;
using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Web.Features.Agents;

/// <summary>Agents report here (a heartbeat, status, task and progress); every report is stored, then published.</summary>
public sealed class AgentService(IDbContextFactory<ApplicationDbContext> contexts, AgentEvents events, TimeProvider time)
{
    public const int MaxMetadataEntries = 20;

    public async Task<Result<AgentView>> ReportAsync(Actor actor, AgentReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(report);

        if (Validate(report) is { } invalid)
        {
            return invalid;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var agent = await db.Agents.FirstOrDefaultAsync(a => a.Id == report.AgentId, cancellationToken);
        if (agent is null)
        {
            agent = new AgentRecord { Id = report.AgentId, DisplayName = report.AgentId, OwnerId = actor.UserId, Status = AgentStatus.Idle };
            db.Agents.Add(agent);
        }
        else if (agent.OwnerId != actor.UserId && !actor.IsAdmin)
        {
            return Failure.Forbidden($"Agent '{report.AgentId}' belongs to another user.");
        }

        var previous = db.Entry(agent).State == EntityState.Added ? (AgentStatus?)null : agent.Status;
        Apply(agent, report, now);
        if (previous != agent.Status)
        {
            db.AgentStatusHistory.Add(new AgentStatusEntry { AgentId = agent.Id, Status = agent.Status, At = now });
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (report.AcknowledgedCommandIds is { Count: > 0 } acknowledged)
        {
            await db.AgentCommands.Where(c => c.AgentId == agent.Id && acknowledged.Contains(c.Id) && c.AcknowledgedAt == null)
                .ExecuteUpdateAsync(setters => setters.SetProperty(c => c.AcknowledgedAt, now), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        events.StatusChanged(agent);
        return AgentView.From(agent);
    }

    public async Task<IReadOnlyList<AgentView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var agents = await db.Agents.AsNoTracking().OrderBy(a => a.Id).ToListAsync(cancellationToken);
        return agents.Select(AgentView.From).ToList();
    }

    private static void Apply(AgentRecord agent, AgentReport report, DateTimeOffset now)
    {
        agent.LastHeartbeat = now;
        agent.Status = report.Status is null ? (agent.Status == AgentStatus.Offline ? AgentStatus.Idle : agent.Status) : Parse(report.Status)!.Value;
        agent.DisplayName = report.DisplayName?.Trim() is { Length: > 0 } name ? name : agent.DisplayName;
        agent.CurrentTaskId = report.CurrentTaskId ?? (agent.Status == AgentStatus.Active ? agent.CurrentTaskId : null);
        agent.Progress = report.Progress ?? (agent.Status == AgentStatus.Active ? agent.Progress : null);
        agent.Version = report.Version ?? agent.Version;
        agent.Metadata = report.Metadata is null ? agent.Metadata : JsonSerializer.Serialize(report.Metadata);
    }

    private static Failure? Validate(AgentReport report)
    {
        if (AgentIds.Validate(report.AgentId) is { } badId)
        {
            return Failure.Invalid(badId);
        }

        if (report.Status is not null && Parse(report.Status) is null)
        {
            return Failure.Invalid($"status: one of active, idle, error, offline (was '{report.Status}').");
        }

        return report.Progress is < 0 or > 100 ? Failure.Invalid($"progress: must be between 0 and 100 (was {report.Progress}).")
            : report.DisplayName?.Length > AgentRecord.MaxNameLength ? Failure.Invalid($"displayName: at most {AgentRecord.MaxNameLength} characters.")
            : report.Version?.Length > AgentRecord.MaxVersionLength ? Failure.Invalid($"version: at most {AgentRecord.MaxVersionLength} characters.")
            : report.Metadata is { } metadata && (metadata.Count > MaxMetadataEntries || JsonSerializer.Serialize(metadata).Length > AgentRecord.MaxMetadataLength)
                ? Failure.Invalid($"metadata: at most {MaxMetadataEntries} entries and {AgentRecord.MaxMetadataLength} characters.")
            : null;
    }

    private static AgentStatus? Parse(string status) =>
        Enum.TryParse<AgentStatus>(status, ignoreCase: true, out var parsed) && !int.TryParse(status, out _) ? parsed : null;
}
