using System.Runtime.CompilerServices;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Web.Realtime.Procedures;

namespace RealtimeApp.Web.Features.Tasks.Api;

/// <summary>
/// A task's timeline for one API subscription, tracked by the task's event sequence and resumable without gap or
/// duplicate: subscribe live first, replay from the database everything after <c>lastEventId</c>, then drain the live
/// buffer skipping what the replay already delivered.
/// </summary>
internal static class TaskProgressStream
{
    private const int ReplayPageSize = 200;

    public static async Task<IAsyncEnumerable<TrackedEvent<T>>> OpenAsync<T>(ProcedureContext context, OnProgressInput input, Func<TaskEventView, T> project)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        context.RequireActor();
        var after = SequenceCursor.Parse(input.LastEventId, "task event");
        var tasks = context.Get<TaskService>();
        var task = (await tasks.GetAsync(input.TaskId, context.CancellationToken)).ValueOrThrow();
        if (after > task.LastSequence)
        {
            throw InputErrors.Invalid("lastEventId", $"{after} is beyond the last event of task {task.Id} ({task.LastSequence})");
        }

        var feed = LiveFeed<TaskProgressed>.Open(context.Get<EventAggregator>(), Topics.Task(input.TaskId));
        return ReadAsync(tasks, input.TaskId, after, feed, project, context.CancellationToken);
    }

    private static async IAsyncEnumerable<TrackedEvent<T>> ReadAsync<T>(
        TaskService tasks, string taskId, long? after, LiveFeed<TaskProgressed> feed, Func<TaskEventView, T> project,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // -1: live only, every sequence is new. Otherwise the last sequence delivered.
        var last = after ?? -1;
        if (after is not null)
        {
            IReadOnlyList<TaskEventView> page;
            do
            {
                page = await tasks.EventsAfterAsync(taskId, last, ReplayPageSize, cancellationToken);
                foreach (var entry in page)
                {
                    last = entry.Sequence;
                    yield return new TrackedEvent<T>(SequenceCursor.Format(entry.Sequence), project(entry));
                }
            }
            while (page.Count == ReplayPageSize);
        }

        await foreach (var entry in feed.Select(progressed => progressed.Sequence > last ? ToView(progressed) : null, cancellationToken))
        {
            last = entry.Sequence;
            yield return new TrackedEvent<T>(SequenceCursor.Format(entry.Sequence), project(entry));
        }
    }

    private static TaskEventView ToView(TaskProgressed progressed) =>
        new(progressed.TaskId, progressed.Sequence, progressed.Progress, progressed.Status, progressed.Message, progressed.At);
}
