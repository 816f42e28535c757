using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Web.State;

namespace RealtimeApp.Web.Features.Tasks.Store;

/// <summary>
/// The circuit's live task subscriptions, on its aggregator (so they end with the circuit): every task's progress and
/// status while the Tasks page is open, and the one task the detail page shows. Each hands events to the store as actions.
/// </summary>
public sealed class TaskFeed(EventAggregator aggregator, IDispatcher dispatcher) : IDisposable
{
    private readonly Lock _gate = new();
    private IDisposable[] _all = [];
    private (string TaskId, IDisposable Subscription)? _followed;

    public bool WatchingAll
    {
        get
        {
            lock (_gate)
            {
                return _all.Length > 0;
            }
        }
    }

    public void WatchAll()
    {
        lock (_gate)
        {
            if (_all.Length == 0)
            {
                _all = [aggregator.SubscribeAll<TaskProgressed>(OnProgressAsync), aggregator.SubscribeAll<TaskStatusChanged>(OnStatusAsync)];
            }
        }
    }

    public void StopWatchingAll()
    {
        lock (_gate)
        {
            Array.ForEach(_all, subscription => subscription.Dispose());
            _all = [];
        }
    }

    /// <summary>Follows <paramref name="taskId"/> (and stops following the task followed before).</summary>
    public void Follow(string taskId)
    {
        lock (_gate)
        {
            if (_followed?.TaskId == taskId)
            {
                return;
            }

            _followed?.Subscription.Dispose();
            _followed = (taskId, aggregator.Subscribe<IRealtimeEvent>(Topics.Task(taskId), OnTaskEventAsync));
        }
    }

    public void Unfollow(string taskId)
    {
        lock (_gate)
        {
            if (_followed?.TaskId == taskId)
            {
                _followed.Value.Subscription.Dispose();
                _followed = null;
            }
        }
    }

    public void Dispose()
    {
        StopWatchingAll();
        lock (_gate)
        {
            _followed?.Subscription.Dispose();
            _followed = null;
        }
    }

    private ValueTask OnTaskEventAsync(IRealtimeEvent realtimeEvent, CancellationToken cancellationToken) => realtimeEvent switch
    {
        TaskProgressed progressed => OnProgressAsync(progressed, cancellationToken),
        TaskStatusChanged changed => OnStatusAsync(changed, cancellationToken),
        _ => ValueTask.CompletedTask,
    };

    private ValueTask OnProgressAsync(TaskProgressed progressed, CancellationToken cancellationToken)
    {
        dispatcher.Dispatch(new TaskProgressReceived(
            new TaskEventView(progressed.TaskId, progressed.Sequence, progressed.Progress, progressed.Status, progressed.Message, progressed.At)));
        return ValueTask.CompletedTask;
    }

    private ValueTask OnStatusAsync(TaskStatusChanged changed, CancellationToken cancellationToken)
    {
        dispatcher.Dispatch(new TaskStatusReceived(changed.TaskId, changed.Sequence, changed.Status, changed.PreviousStatus, changed.Error, changed.At));
        return ValueTask.CompletedTask;
    }
}
