using System.Threading.Channels;

namespace RealtimeApp.Domain.Realtime;

/// <summary>
/// A handler with its own bounded queue and pump: the publisher only enqueues, so a slow handler delays nobody
/// but itself. The pump runs on the thread pool, one event at a time, in queue order.
/// </summary>
internal sealed class AsyncSubscription<TEvent> : Subscription
    where TEvent : class, IRealtimeEvent
{
    private static readonly AsyncLocal<Subscription?> CurrentPump = new();

    private readonly Func<TEvent, CancellationToken, ValueTask> _handler;
    private readonly Channel<TEvent> _queue;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _pump;
    private long _dropped;

    public AsyncSubscription(
        EventHub hub,
        string? topic,
        Func<TEvent, CancellationToken, ValueTask> handler,
        EventSubscriptionOptions options,
        ISubscriptionOwner? owner)
        : base(hub, topic, typeof(TEvent), options, owner)
    {
        _handler = handler;
        var dropOldest = options.Overflow == OverflowPolicy.DropOldest;
        var channelOptions = new BoundedChannelOptions(options.Capacity)
        {
            FullMode = dropOldest ? BoundedChannelFullMode.DropOldest : BoundedChannelFullMode.Wait,
            SingleReader = true,
        };
        _queue = dropOldest ? Channel.CreateBounded<TEvent>(channelOptions, OnDropped) : Channel.CreateBounded<TEvent>(channelOptions);
        _pump = Task.Run(PumpAsync);
    }

    public override long DroppedCount => Interlocked.Read(ref _dropped);

    internal override bool Deliver(IRealtimeEvent realtimeEvent)
    {
        if (realtimeEvent is not TEvent typed || !IsActive)
        {
            return false;
        }

        if (_queue.Writer.TryWrite(typed))
        {
            return true;
        }

        // Only a full queue under OverflowPolicy.Fault (or a concurrent dispose) refuses a write.
        if (IsActive)
        {
            Hub.Metrics.RecordDropped();
            Fault();
        }

        return false;
    }

    /// <summary>Disposes, then waits until no handler of this subscription runs (unless called from that handler).</summary>
    public override ValueTask DisposeAsync()
    {
        Dispose();
        return CurrentPump.Value == this ? default : new ValueTask(_pump);
    }

    protected override void OnEnded()
    {
        _queue.Writer.TryComplete();
        _ = _stopping.CancelAsync();
    }

    private void OnDropped(TEvent dropped)
    {
        Interlocked.Increment(ref _dropped);
        Hub.Metrics.RecordDropped();
    }

    private async Task PumpAsync()
    {
        CurrentPump.Value = this;
        var reader = _queue.Reader;
        var stopping = _stopping.Token;

        // No token on the wait: a cancellable wait allocates a waiter per wake-up, and ending the subscription
        // completes the queue, which wakes the pump anyway.
        while (IsActive && await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (IsActive && reader.TryRead(out var next))
            {
                try
                {
                    await _handler(next, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception)
                {
                    ReportError(exception);
                }
            }
        }
    }
}
