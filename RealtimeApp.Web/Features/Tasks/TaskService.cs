using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Agents;
using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Tasks;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Web.Features.Tasks;

/// <summary>
/// The one write path for tasks (UI and API): validate, apply the state machine, store the task and its numbered
/// timeline entry in one save, then publish. Reports also acknowledge the agent's pending commands for that task.
/// </summary>
public sealed class TaskService(IDbContextFactory<ApplicationDbContext> contexts, TaskEvents events, TaskLocks locks, TimeProvider time)
{
    public Task<Result<TaskView>> CreateAsync(Actor actor, string? title, string? agentId = null, string? id = null, CancellationToken cancellationToken = default) =>
        CreateAsync(actor, title, agentId, id, clientId: null, cancellationToken);

    /// <summary>
    /// Creates with the client's id for this create (<see cref="ClientIds"/>), unique per creating user: a retry gets the
    /// original task (not created or published again); the same id with another title, agent or task id is a conflict.
    /// </summary>
    public async Task<Result<TaskView>> CreateAsync(
        Actor actor, string? title, string? agentId, string? id, string? clientId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);

        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > TaskRecord.MaxTitleLength)
        {
            return Failure.Invalid($"title: 1 to {TaskRecord.MaxTitleLength} characters.");
        }

        if ((agentId is not null ? AgentIds.Validate(agentId) : null) is { } badAgent)
        {
            return Failure.Invalid(badAgent);
        }

        if (id is not null && AgentIds.Validate(id) is not null)
        {
            return Failure.Invalid("id: 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'.");
        }

        if (clientId is not null && !ClientIds.IsValid(clientId))
        {
            return Failure.Invalid($"clientId: {ClientIds.Rule}.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (clientId is not null && await FindCreatedAsync(db, actor, clientId, cancellationToken) is { } earlier)
        {
            return TaskRetries.Answer(earlier, title, agentId, id);
        }

        var taskId = id ?? $"task-{Guid.NewGuid():N}"[..13];
        if (await db.Tasks.AnyAsync(t => t.Id == taskId, cancellationToken))
        {
            // A retry that raced its original past the look-up above finds it now.
            return clientId is not null && await FindCreatedAsync(db, actor, clientId, cancellationToken) is { } original
                ? TaskRetries.Answer(original, title, agentId, id)
                : Failure.Conflict($"A task with id '{taskId}' already exists.");
        }

        var now = StoredInstants.Truncate(time.GetUtcNow());
        var task = new TaskRecord { Id = taskId, Title = title.Trim(), AgentId = agentId, CreatedAt = now, CreatedBy = actor.UserId, ClientId = clientId };
        var created = new TaskProgressEvent { TaskId = taskId, Sequence = ++task.LastSequence, State = TaskState.Queued, Message = "Created", At = now };
        db.Tasks.Add(task);
        db.TaskEvents.Add(created);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (clientId is not null)
        {
            // A retry racing the original (on any node) lost on the unique (creator, client id) index: answer with the winner.
            await using var again = await contexts.CreateDbContextAsync(cancellationToken);
            if (await FindCreatedAsync(again, actor, clientId, cancellationToken) is { } winner)
            {
                return TaskRetries.Answer(winner, title, agentId, id);
            }

            throw;
        }

        events.Committed(task, created, TaskState.Queued);
        return TaskView.From(task);
    }

    private static Task<TaskRecord?> FindCreatedAsync(ApplicationDbContext db, Actor actor, string clientId, CancellationToken cancellationToken) =>
        db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.CreatedBy == actor.UserId && t.ClientId == clientId, cancellationToken);

    public async Task<Result<TaskView>> ReportAsync(Actor actor, TaskReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(report);

        using var exclusive = await locks.EnterAsync(report.TaskId, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryReportAsync(report, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Another report for this task took the sequence number first (stale LastSequence, or the
                // (TaskId, Sequence) key already taken): nothing was committed, so read the task again.
            }
        }
    }

    private const int MaxAttempts = 5;

    private async Task<Result<TaskView>> TryReportAsync(TaskReport report, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == report.TaskId, cancellationToken);
        if (task is null)
        {
            return Failure.NotFound($"There is no task '{report.TaskId}'.");
        }

        var state = report.Status is null ? TaskState.Running : TaskStates.FromWire(report.Status);
        if (state is null)
        {
            return Failure.Invalid($"status: one of queued, running, succeeded, failed, cancelled (was '{report.Status}').");
        }

        var now = time.GetUtcNow();
        var previous = task.State;
        var entry = task.Report(report.Progress, state.Value, report.Message, report.Error, report.ErrorDetails, now);
        if (!entry.Succeeded)
        {
            return entry.Failure!;
        }

        db.TaskEvents.Add(entry.Value!);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await db.AgentCommands.Where(c => c.TaskId == task.Id && c.AcknowledgedAt == null)
            .ExecuteUpdateAsync(setters => setters.SetProperty(c => c.AcknowledgedAt, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        events.Committed(task, entry.Value!, previous);
        return TaskView.From(task);
    }

    public async Task<Result<TaskView>> GetAsync(string taskId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var task = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        return task is null ? Failure.NotFound($"There is no task '{taskId}'.") : TaskView.From(task);
    }

    public async Task<Result<TaskPage>> ListAsync(TaskQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);

        var state = query.Status is null ? null : TaskStates.FromWire(query.Status);
        if (query.Status is not null && state is null)
        {
            return Failure.Invalid($"status: one of queued, running, succeeded, failed, cancelled (was '{query.Status}').");
        }

        if (query.Skip < 0 || query.Take is < 1 or > TaskQuery.MaxTake)
        {
            return Failure.Invalid($"skip: 0 or more; take: 1 to {TaskQuery.MaxTake}.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tasks = db.Tasks.AsNoTracking();
        tasks = state is { } wanted ? tasks.Where(t => t.State == wanted) : tasks;
        tasks = query.AgentId is { } agentId ? tasks.Where(t => t.AgentId == agentId) : tasks;
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            tasks = tasks.WhereAnyContains(db, query.Text.Trim(), t => t.Title);
        }

        var total = await tasks.CountAsync(cancellationToken);
        var page = await tasks.OrderBy(query.Sort, query.Descending).Skip(query.Skip).Take(query.Take).ToListAsync(cancellationToken);
        return new TaskPage(page.Select(TaskView.From).ToList(), total);
    }

    /// <summary>Timeline entries after <paramref name="afterSequence"/>, oldest first (the resume path of subscriptions).</summary>
    public async Task<IReadOnlyList<TaskEventView>> EventsAfterAsync(string taskId, long afterSequence, int limit = 500, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = await db.TaskEvents.AsNoTracking()
            .Where(e => e.TaskId == taskId && e.Sequence > afterSequence)
            .OrderBy(e => e.Sequence)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return entries.Select(TaskEventView.From).ToList();
    }
}
