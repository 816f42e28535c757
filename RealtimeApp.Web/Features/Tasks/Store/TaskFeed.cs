using RealtimeApp.Domain.Realtime;
using RealtimeApp.Web.Realtime.Streams;
using RealtimeApp.Web.State;

namespace RealtimeApp.Web.Features.Tasks.Store;

/// <summary>
/// The circuit's live task feeds, on its aggregator (so they end with the circuit): every task's progress and status
/// while the Tasks page is open, and the one task the detail page shows, caught up from the database whenever the
/// circuit falls behind. Each hands events to the store as actions.
/// </summary>
public sealed class TaskFeed(EventAggregator aggregator, IDispatcher dispatcher, TaskService tasks, StreamMetrics metrics, ILogger<TaskFeed> logger) : IDisposable
{
    private readonly Lock _gate = new();
    private CircuitFeed? _all;
    private (string TaskId, CircuitFeed Feed)? _followed;

    public bool WatchingAll
    {
        get
        {
            lock (_gate)
            {
                return _all is not null;
            }
        }
    }

    /// <summary>Watches every task; the task ends once the feed has started.</summary>
    public Task WatchAllAsync()
    {
        lock (_gate)
        {
            _all ??= Start(new TaskBoardFeedSource(), _ => Task.FromResult(0L));
            return _all.Started;
        }
    }

    public void StopWatchingAll()
    {
        lock (_gate)
        {
            _all?.Dispose();
            _all = null;
        }
    }

    /// <summary>Follows <paramref name="taskId"/> (and stops following the task followed before); the task ends once the feed has started.</summary>
    public Task FollowAsync(string taskId)
    {
        lock (_gate)
        {
            if (_followed?.TaskId != taskId)
            {
                _followed?.Feed.Dispose();
                _followed = (taskId, Start(new TaskDetailFeedSource(tasks, taskId), token => LastSequenceAsync(taskId, token)));
            }

            return _followed.Value.Feed.Started;
        }
    }

    public void Unfollow(string taskId)
    {
        lock (_gate)
        {
            if (_followed?.TaskId == taskId)
            {
                _followed.Value.Feed.Dispose();
                _followed = null;
            }
        }
    }

    public void Dispose()
    {
        StopWatchingAll();
        lock (_gate)
        {
            _followed?.Feed.Dispose();
            _followed = null;
        }
    }

    private CircuitFeed Start(StreamSource<object> source, Func<CancellationToken, Task<long>> lastSequence) =>
        CircuitFeed.Start(aggregator, dispatcher, source, lastSequence, metrics, logger);

    /// <summary>The task's last sequence, or 0 for a task that does not exist (yet): the page says so, the feed waits.</summary>
    private async Task<long> LastSequenceAsync(string taskId, CancellationToken cancellationToken)
    {
        var task = await tasks.GetAsync(taskId, cancellationToken);
        return task.Succeeded ? task.Value!.LastSequence : 0;
    }
}
