using System.Runtime.CompilerServices;
using System.Threading.Channels;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Web.Realtime.Backplane;
using RealtimeApp.Web.Realtime.Procedures;
using RealtimeApp.Web.Realtime.Protocol;

namespace RealtimeApp.Web.Features.Tasks.Api;

/// <summary>
/// A task's timeline for one API subscription, tracked by the task's event sequence and resumable without gap or
/// duplicate: subscribe live first, replay from the database everything after <c>lastEventId</c>, then drain the live
/// buffer skipping what the replay already delivered. A live event that does not follow on from the last one, or a
/// <see cref="BackplaneResumed"/>, means events published on another node were missed: they are read from the
/// database first, so a Redis outage leaves no gap.
/// </summary>
internal sealed class TaskProgressStream
{
    /// <summary>Live events waiting for the stream; beyond that it ends with SERVICE_UNAVAILABLE rather than skip one.</summary>
    internal const int BufferCapacity = LiveFeed<TaskProgressed>.Capacity;

    private readonly Channel<IRealtimeEvent> _live = Channel.CreateBounded<IRealtimeEvent>(
        new BoundedChannelOptions(BufferCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly string _taskId;
    private readonly IEventSubscription _progress;
    private readonly IEventSubscription _resumes;
    private volatile bool _overflowed;

    private TaskProgressStream(EventAggregator aggregator, string taskId)
    {
        _taskId = taskId;
        _progress = aggregator.Subscribe<TaskProgressed>(Topics.Task(taskId), OnEvent);
        _resumes = aggregator.Subscribe<BackplaneResumed>(Topics.Backplane, OnEvent);
    }

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

        var stream = new TaskProgressStream(context.Get<EventAggregator>(), input.TaskId);
        return stream.ReadAsync(tasks, context.Get<BackplaneMetrics>(), after, task.LastSequence, project);
    }

    private async IAsyncEnumerable<TrackedEvent<T>> ReadAsync<T>(
        TaskService tasks, BackplaneMetrics metrics, long? after, long lastWhenOpened, Func<TaskEventView, T> project,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        try
        {
            // The last sequence delivered (live only: the task's last one when the live subscription began).
            var last = after ?? lastWhenOpened;
            if (after is not null)
            {
                await foreach (var entry in ReplayAsync(tasks, last, before: long.MaxValue, cancellationToken))
                {
                    last = entry.Sequence;
                    yield return Track(entry, project);
                }
            }

            await foreach (var realtimeEvent in _live.Reader.ReadAllAsync(cancellationToken))
            {
                var before = realtimeEvent is TaskProgressed next ? next.Sequence : long.MaxValue;
                if (before > last + 1)
                {
                    metrics.CatchUpRead();
                }

                await foreach (var missed in ReplayAsync(tasks, last, before, cancellationToken))
                {
                    last = missed.Sequence;
                    yield return Track(missed, project);
                }

                if (realtimeEvent is TaskProgressed progressed && progressed.Sequence > last)
                {
                    last = progressed.Sequence;
                    yield return Track(ToView(progressed), project);
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (_overflowed)
            {
                throw new TrpcException(TrpcErrorCode.ServiceUnavailable, $"This subscription fell more than {BufferCapacity} events behind. Subscribe again with lastEventId to resume.");
            }
        }
        finally
        {
            await _progress.DisposeAsync();
            await _resumes.DisposeAsync();
        }
    }

    private IAsyncEnumerable<TaskEventView> ReplayAsync(TaskService tasks, long after, long before, CancellationToken cancellationToken) =>
        SequenceReplay.BetweenAsync((from, limit, token) => tasks.EventsAfterAsync(_taskId, from, limit, token), entry => entry.Sequence, after, before, cancellationToken);

    private void OnEvent(IRealtimeEvent realtimeEvent)
    {
        if (!_live.Writer.TryWrite(realtimeEvent) && !_overflowed)
        {
            _overflowed = true;
            _live.Writer.TryComplete();
        }
    }

    private static TrackedEvent<T> Track<T>(TaskEventView entry, Func<TaskEventView, T> project) =>
        new(SequenceCursor.Format(entry.Sequence), project(entry));

    private static TaskEventView ToView(TaskProgressed progressed) =>
        new(progressed.TaskId, progressed.Sequence, progressed.Progress, progressed.Status, progressed.Message, progressed.At);
}
