namespace RealtimeApp.Domain.Realtime;

/// <summary>
/// The per-scope façade over <see cref="EventHub"/>: one per Blazor circuit or API connection (register as
/// Scoped). It tracks every subscription it hands out, forgets those disposed or faulted on their own, and ends
/// all the rest when the scope ends, so the hub holds no handler of a closed tab or dropped socket.
/// Thread-safe. After disposal, subscribing throws <see cref="ObjectDisposedException"/>.
/// </summary>
public sealed class EventAggregator : IDisposable, IAsyncDisposable, ISubscriptionOwner
{
    private readonly EventHub _hub;
    private readonly Lock _gate = new();
    private readonly HashSet<Subscription> _subscriptions = [];
    private bool _disposed;

    /// <summary>Creates an aggregator over the process-wide hub.</summary>
    public EventAggregator(EventHub hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        _hub = hub;
    }

    /// <summary>Subscriptions handed out and still live.</summary>
    public int SubscriptionCount
    {
        get
        {
            lock (_gate)
            {
                return _subscriptions.Count;
            }
        }
    }

    /// <inheritdoc cref="EventHub.Subscribe{TEvent}(string, Action{TEvent}, EventSubscriptionOptions?)"/>
    public IEventSubscription Subscribe<TEvent>(string topic, Action<TEvent> handler, EventSubscriptionOptions? options = null)
        where TEvent : class, IRealtimeEvent => Track(() => _hub.Subscribe(topic, handler, options, this));

    /// <inheritdoc cref="EventHub.Subscribe{TEvent}(string, Func{TEvent, CancellationToken, ValueTask}, EventSubscriptionOptions?)"/>
    public IEventSubscription Subscribe<TEvent>(
        string topic, Func<TEvent, CancellationToken, ValueTask> handler, EventSubscriptionOptions? options = null)
        where TEvent : class, IRealtimeEvent => Track(() => _hub.Subscribe(topic, handler, options, this));

    /// <inheritdoc cref="EventHub.SubscribeAll{TEvent}(Action{TEvent}, EventSubscriptionOptions?)"/>
    public IEventSubscription SubscribeAll<TEvent>(Action<TEvent> handler, EventSubscriptionOptions? options = null)
        where TEvent : class, IRealtimeEvent => Track(() => _hub.SubscribeAll(handler, options, this));

    /// <inheritdoc cref="EventHub.SubscribeAll{TEvent}(Func{TEvent, CancellationToken, ValueTask}, EventSubscriptionOptions?)"/>
    public IEventSubscription SubscribeAll<TEvent>(Func<TEvent, CancellationToken, ValueTask> handler, EventSubscriptionOptions? options = null)
        where TEvent : class, IRealtimeEvent => Track(() => _hub.SubscribeAll(handler, options, this));

    /// <summary>Ends every subscription handed out; handlers already running may finish.</summary>
    public void Dispose()
    {
        foreach (var subscription in TakeAll())
        {
            subscription.Dispose();
        }
    }

    /// <summary>Ends every subscription handed out and waits until none of their handlers runs any more.</summary>
    public async ValueTask DisposeAsync()
    {
        var subscriptions = TakeAll();
        foreach (var subscription in subscriptions)
        {
            subscription.Dispose();
        }

        foreach (var subscription in subscriptions)
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
        }
    }

    void ISubscriptionOwner.OnSubscriptionEnded(Subscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Remove(subscription);
        }
    }

    private Subscription Track(Func<Subscription> subscribe)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var subscription = subscribe();
            _subscriptions.Add(subscription);
            return subscription;
        }
    }

    private Subscription[] TakeAll()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return [];
            }

            _disposed = true;
            Subscription[] taken = [.. _subscriptions];
            _subscriptions.Clear();
            return taken;
        }
    }
}
