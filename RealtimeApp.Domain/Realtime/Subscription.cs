namespace RealtimeApp.Domain.Realtime;

/// <summary>The hub's side of a subscription: an entry in a copy-on-write subscriber array.</summary>
internal abstract class Subscription : IEventSubscription
{
    private const int Active = 0;
    private const int Disposed = 1;
    private const int Faulted = 2;

    private readonly EventHub _hub;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;

    protected Subscription(EventHub hub, string? topic, Type eventType, EventSubscriptionOptions options, ISubscriptionOwner? owner)
    {
        _hub = hub;
        Topic = topic;
        EventType = eventType;
        Options = options;
        Owner = owner;
    }

    public string? Topic { get; }

    public Type EventType { get; }

    public bool IsActive => Volatile.Read(ref _state) == Active;

    public bool IsFaulted => Volatile.Read(ref _state) == Faulted;

    public virtual long DroppedCount => 0;

    public Task Completion => _completion.Task;

    internal EventSubscriptionOptions Options { get; }

    internal ISubscriptionOwner? Owner { get; }

    protected EventHub Hub => _hub;

    /// <summary>Delivers (or enqueues) the event when it is a TEvent and the subscription is active; true when it did.</summary>
    internal abstract bool Deliver(IRealtimeEvent realtimeEvent);

    public void Dispose()
    {
        if (TryEnd(Disposed))
        {
            _completion.TrySetResult();
        }
    }

    public virtual ValueTask DisposeAsync()
    {
        Dispose();
        return default;
    }

    /// <summary>Stops the subscription after an overflow and tells the owner on the thread pool.</summary>
    protected void Fault()
    {
        if (!TryEnd(Faulted))
        {
            return;
        }

        _hub.Metrics.RecordFaulted();
        _completion.TrySetException(new EventSubscriptionOverflowException());
        ThreadPool.QueueUserWorkItem(static self => self.NotifyFaulted(), this, preferLocal: false);
    }

    protected void ReportError(Exception exception) => _hub.ReportHandlerError(this, exception);

    /// <summary>Releases what the concrete subscription holds (queue, pump); runs once, on dispose or fault.</summary>
    protected virtual void OnEnded()
    {
    }

    private bool TryEnd(int state)
    {
        if (Interlocked.CompareExchange(ref _state, state, Active) != Active)
        {
            return false;
        }

        _hub.Remove(this);
        OnEnded();
        Owner?.OnSubscriptionEnded(this);
        return true;
    }

    private void NotifyFaulted()
    {
        try
        {
            Options.OnFaulted?.Invoke(this);
        }
        catch (Exception exception)
        {
            ReportError(exception);
        }
    }
}
