using RealtimeApp.Domain.Realtime;
using RealtimeApp.Web.Realtime.Procedures;
using RealtimeApp.Web.Realtime.Streams;

namespace RealtimeApp.Web.Features.Tasks.Api;

/// <summary>
/// <c>tasks.onProgress</c>: a task's timeline, tracked by the task's event sequence and resumable without gap or
/// duplicate (a <see cref="ResumableStream{TOut}"/> of the task).
/// </summary>
internal static class TaskProgressStream
{
    /// <summary>Live entries held while the subscriber is busy; beyond that they are read back from the database.</summary>
    internal const int BufferCapacity = 1024;

    public static async Task<IAsyncEnumerable<TrackedEvent<T>>> OpenAsync<T>(ProcedureContext context, OnProgressInput input, Func<TaskEventView, T> project)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        context.RequireActor();
        var after = SequenceCursor.Parse(input.LastEventId, "task event");
        var tasks = context.Get<TaskService>();
        var stream = ResumableStream<T>.Subscribe(context.Get<EventAggregator>(), new TaskProgressSource<T>(tasks, input.TaskId, project), BufferCapacity);
        try
        {
            var task = (await tasks.GetAsync(input.TaskId, context.CancellationToken)).ValueOrThrow();
            if (after > task.LastSequence)
            {
                throw InputErrors.Invalid("lastEventId", $"{after} is beyond the last event of task {task.Id} ({task.LastSequence})");
            }

            return ReadAsync(stream, context.Get<StreamMetrics>(), after, task.LastSequence);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    private static async IAsyncEnumerable<TrackedEvent<T>> ReadAsync<T>(
        ResumableStream<T> stream, StreamMetrics metrics, long? after, long last,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entry in stream.ReadAsync(after, last, metrics, cancellationToken))
        {
            yield return new TrackedEvent<T>(SequenceCursor.Format(entry.Sequence), entry.Value);
        }
    }
}
