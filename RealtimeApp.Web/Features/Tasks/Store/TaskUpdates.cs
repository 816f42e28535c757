using System.Collections.Immutable;
using RealtimeApp.Domain.Tasks;

namespace RealtimeApp.Web.Features.Tasks.Store;

/// <summary>
/// Applies live events to tasks as the server did: an entry is applied once and only when newer than what the task
/// shows (its <see cref="TaskView.LastSequence"/>), so late, repeated or replayed events never move a task backwards.
/// </summary>
public static class TaskUpdates
{
    public static TaskView Apply(TaskView task, TaskEventView entry)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(entry);

        if (entry.TaskId != task.Id || entry.Sequence <= task.LastSequence)
        {
            return task;
        }

        var state = TaskStates.FromWire(entry.Status);
        var retried = state == TaskState.Queued;
        var finished = state?.IsFinished() == true;
        return task with
        {
            Status = entry.Status,
            Progress = entry.Progress,
            LastSequence = entry.Sequence,
            StartedAt = retried ? null : task.StartedAt ?? (state == TaskState.Running || finished ? entry.At : null),
            FinishedAt = retried ? null : finished ? task.FinishedAt ?? entry.At : task.FinishedAt,
            Error = retried ? null : task.Error,
            ErrorDetails = retried ? null : task.ErrorDetails,
        };
    }

    /// <summary>A status change carries the failure's short error; it shares its sequence with a progress entry.</summary>
    public static TaskView Apply(TaskView task, TaskStatusReceived status)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(status);

        return status.TaskId != task.Id || status.Sequence < task.LastSequence || status.Error == task.Error
            ? task
            : task with { Error = status.Error };
    }

    /// <summary>Replaces the row of <paramref name="id"/> by <paramref name="update"/>'s result; the same list when nothing changed.</summary>
    public static ImmutableList<TaskView> Update(ImmutableList<TaskView> rows, string id, Func<TaskView, TaskView> update)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(update);

        var index = rows.FindIndex(row => row.Id == id);
        if (index < 0)
        {
            return rows;
        }

        var updated = update(rows[index]);
        return ReferenceEquals(updated, rows[index]) ? rows : rows.SetItem(index, updated);
    }

    /// <summary>Timeline entries ordered by sequence, each sequence once (the later copy wins).</summary>
    public static ImmutableList<TaskEventView> Merge(ImmutableList<TaskEventView> events, IEnumerable<TaskEventView> more)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(more);

        var added = more.ToList();
        if (added.Count == 1 && (events.IsEmpty || events[^1].Sequence < added[0].Sequence))
        {
            return events.Add(added[0]);
        }

        return [.. events.Concat(added).GroupBy(e => e.Sequence).Select(group => group.Last()).OrderBy(e => e.Sequence)];
    }
}
