using System.Threading.Tasks.Sources;

namespace RealtimeApp.Client.Connection;

/// <summary>
/// A bounded queue from the receive loop (its one writer) to a subscription's reader (its one reader): what a bounded
/// <see cref="System.Threading.Channels.Channel"/> in Wait mode does, except that a waiting reader is resumed from
/// the writer's thread's own work queue, where a channel queues it to the thread pool's global queue. A subscriber
/// that keeps up waits for every event, so that resumption is paid once per event.
/// </summary>
internal sealed class EventQueue<T>(int capacity) : IValueTaskSource<bool>
{
    private readonly Lock _gate = new();
    private readonly Queue<T> _items = new();
    private ManualResetValueTaskSourceCore<bool> _readerWait = new() { RunContinuationsAsynchronously = true };
    private CancellationTokenRegistration _readerCancellation;
    private bool _readerWaiting;
    private TaskCompletionSource? _room;
    private bool _completed;
    private Exception? _error;

    /// <summary>Queues <paramref name="item"/> unless the queue is full; once completed, drops it (nobody reads on).</summary>
    public bool TryWrite(T item)
    {
        lock (_gate)
        {
            if (_completed)
            {
                return true;
            }

            if (_items.Count >= capacity)
            {
                return false;
            }

            _items.Enqueue(item);
            if (!_readerWaiting)
            {
                return true;
            }

            _readerWaiting = false;
        }

        WakeReader(result: true, error: null);
        return true;
    }

    /// <summary>Waits for room, then queues <paramref name="item"/> (or drops it, once completed).</summary>
    public async ValueTask WriteAsync(T item, CancellationToken cancellationToken)
    {
        while (!TryWrite(item))
        {
            Task room;
            lock (_gate)
            {
                room = _items.Count < capacity || _completed
                    ? Task.CompletedTask
                    : (_room ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            }

            await room.WaitAsync(cancellationToken);
        }
    }

    public bool TryRead(out T item)
    {
        TaskCompletionSource? room = null;
        lock (_gate)
        {
            if (!_items.TryDequeue(out item!))
            {
                return false;
            }

            if (_room is not null)
            {
                (room, _room) = (_room, null);
            }
        }

        room?.TrySetResult();
        return true;
    }

    /// <summary>
    /// True once an item is queued; false once the queue is completed and read to the end, or the completion's
    /// error thrown. One wait at a time, as its one reader does.
    /// </summary>
    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_items.Count > 0)
            {
                return ValueTask.FromResult(true);
            }

            if (_completed)
            {
                return _error is null ? ValueTask.FromResult(false) : ValueTask.FromException<bool>(_error);
            }

            if (cancellationToken.IsCancellationRequested)
            {
                return ValueTask.FromCanceled<bool>(cancellationToken);
            }

            _readerWait.Reset();
            _readerWaiting = true;
        }

        if (cancellationToken.CanBeCanceled)
        {
            _readerCancellation = cancellationToken.UnsafeRegister(
                static (state, token) => ((EventQueue<T>)state!).CancelWait(token), this);
        }

        return new ValueTask<bool>(this, _readerWait.Version);
    }

    /// <summary>Ends the queue: its reader reads what is queued, then ends normally or with <paramref name="error"/>.</summary>
    public void Complete(Exception? error = null)
    {
        TaskCompletionSource? room;
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            (_completed, _error, room, _room) = (true, error, _room, null);
            if (!_readerWaiting || _items.Count > 0)
            {
                room?.TrySetResult();
                return;
            }

            _readerWaiting = false;
        }

        room?.TrySetResult();
        WakeReader(result: false, error);
    }

    bool IValueTaskSource<bool>.GetResult(short token)
    {
        _readerCancellation.Unregister();
        return _readerWait.GetResult(token);
    }

    ValueTaskSourceStatus IValueTaskSource<bool>.GetStatus(short token) => _readerWait.GetStatus(token);

    void IValueTaskSource<bool>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _readerWait.OnCompleted(continuation, state, token, flags);

    private void CancelWait(CancellationToken token)
    {
        lock (_gate)
        {
            if (!_readerWaiting)
            {
                return;
            }

            _readerWaiting = false;
        }

        WakeReader(result: false, new OperationCanceledException(token));
    }

    private void WakeReader(bool result, Exception? error)
    {
        if (error is null)
        {
            _readerWait.SetResult(result);
        }
        else
        {
            _readerWait.SetException(error);
        }
    }
}
