using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Agents;
using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Tasks;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Web.Features.Tasks;

/// <summary>Staff cancel running tasks and retry failed ones; the agent doing the task gets a command it must acknowledge.</summary>
public sealed class TaskControl(
    IDbContextFactory<ApplicationDbContext> contexts,
    TaskEvents events,
    TaskLocks locks,
    ITaskAgents agents,
    TimeProvider time)
{
    public Task<Result<TaskView>> CancelAsync(Actor actor, string taskId, CancellationToken cancellationToken = default) =>
        ApplyAsync(actor, taskId, AgentCommand.Cancel, (task, now) => task.Cancel($"Cancelled by {actor.DisplayName}", now), cancellationToken);

    public Task<Result<TaskView>> RetryAsync(Actor actor, string taskId, CancellationToken cancellationToken = default) =>
        ApplyAsync(actor, taskId, AgentCommand.Retry, (task, now) => task.Retry(now), cancellationToken);

    private async Task<Result<TaskView>> ApplyAsync(
        Actor actor, string taskId, string commandKind, Func<TaskRecord, DateTimeOffset, Result<TaskProgressEvent>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);

        using var exclusive = await locks.EnterAsync(taskId, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null)
        {
            return Failure.NotFound($"There is no task '{taskId}'.");
        }

        var previous = task.State;
        var entry = change(task, time.GetUtcNow());
        if (!entry.Succeeded)
        {
            return entry.Failure!;
        }

        db.TaskEvents.Add(entry.Value!);
        var command = task.AgentId is { } agentId
            ? await agents.StageCommandAsync(db, agentId, commandKind, task.Id, actor.UserId, cancellationToken)
            : null;
        await db.SaveChangesAsync(cancellationToken);
        events.Committed(task, entry.Value!, previous);
        if (command is not null)
        {
            agents.Publish(command);
        }

        return TaskView.From(task);
    }
}
