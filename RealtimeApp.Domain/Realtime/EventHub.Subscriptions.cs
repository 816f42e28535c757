namespace RealtimeApp.Domain.Realtime;

public sealed partial class EventHub
{
    private readonly SubscriberIndex<Type> _byType = new();
    private int _subscriberCount;
    private int _typeWideCount;

    /// <summary>Live subscriptions of any kind.</summary>
    public int SubscriberCount => Volatile.Read(ref _subscriberCount);

    /// <summary>Live subscriptions to <paramref name="topic"/> (type-wide ones not included).</summary>
    public int SubscriberCountFor(string topic) => _byTopic.CountFor(topic);

    /// <summary>Live type-wide subscriptions (<see cref="SubscribeAll{TEvent}(Action{TEvent}, EventSubscriptionOptions?)"/>) for <typeparamref name="TEvent"/>.</summary>
    public int SubscriberCountForType<TEvent>()
        where TEvent : class, IRealtimeEvent => _byType.CountFor(typeof(TEvent));

    /// <summary>Invokes <paramref name="handler"/> inline for each <typeparamref name="TEvent"/> published on <paramref name="topic"/>.</summary>
    public IEventSubscription Subscribe<TEvent>(string topic, Action<TEvent> handler, EventSubscriptionOptions? options = null)
        where TEvent : class, IRealtimeEvent => Subscribe(topic, handler, options, owner: null);

    /// <summary>Queues each <typeparamref name="TEvent"/> published on <paramref name="topic"/> for <paramref name="handler"/>, which runs on its own pump.</summary>
    public IEventSubscription Subscribe<TEvent>(
        string topic, Func<TEvent, CancellationToken, ValueTask> handler, EventSubscriptionOptions? options = null)
        where TEvent : class, IRealtimeEvent => Subscribe(topic, handler, options, owner: null);

    /// <summary>
    /// Invokes <paramref name="handler"/> inline for every <typeparamref name="TEvent"/> on any topic.
    /// <typeparamref name="TEvent"/> is a sealed event type, or <see cref="IRealtimeEvent"/> for every event.
    /// </summary>
    public IEventSubscription SubscribeAll<TEvent>(Action<TEvent> handler, EventSubscriptionOptions? options = null)
        where TEvent : class, IRealtimeEvent => SubscribeAll(handler, options, owner: null);

    /// <summary>Queues every <typeparamref name="TEvent"/> on any topic for <paramref name="handler"/>, which runs on its own pump.</summary>
    public IEventSubscription SubscribeAll<TEvent>(Func<TEvent, CancellationToken, ValueTask> handler, EventSubscriptionOptions? options = null)
        where TEvent : class, IRealtimeEvent => SubscribeAll(handler, options, owner: null);

    internal Subscription Subscribe<TEvent>(string topic, Action<TEvent> handler, EventSubscriptionOptions? options, ISubscriptionOwner? owner)
        where TEvent : class, IRealtimeEvent
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(handler);
        return Register(new SyncSubscription<TEvent>(this, topic, handler, Validate(options), owner));
    }

    internal Subscription Subscribe<TEvent>(
        string topic, Func<TEvent, CancellationToken, ValueTask> handler, EventSubscriptionOptions? options, ISubscriptionOwner? owner)
        where TEvent : class, IRealtimeEvent
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(handler);
        return Register(new AsyncSubscription<TEvent>(this, topic, handler, Validate(options), owner));
    }

    internal Subscription SubscribeAll<TEvent>(Action<TEvent> handler, EventSubscriptionOptions? options, ISubscriptionOwner? owner)
        where TEvent : class, IRealtimeEvent
    {
        ArgumentNullException.ThrowIfNull(handler);
        EnsureTypeWideKey(typeof(TEvent));
        return Register(new SyncSubscription<TEvent>(this, topic: null, handler, Validate(options), owner));
    }

    internal Subscription SubscribeAll<TEvent>(
        Func<TEvent, CancellationToken, ValueTask> handler, EventSubscriptionOptions? options, ISubscriptionOwner? owner)
        where TEvent : class, IRealtimeEvent
    {
        ArgumentNullException.ThrowIfNull(handler);
        EnsureTypeWideKey(typeof(TEvent));
        return Register(new AsyncSubscription<TEvent>(this, topic: null, handler, Validate(options), owner));
    }

    /// <summary>Takes a subscription out of the index; called once, when it is disposed or faults.</summary>
    internal void Remove(Subscription subscription)
    {
        if (subscription.Topic is { } topic)
        {
            _byTopic.Remove(topic, subscription);
        }
        else
        {
            _byType.Remove(subscription.EventType, subscription);
            Interlocked.Decrement(ref _typeWideCount);
        }

        Interlocked.Decrement(ref _subscriberCount);
        Metrics.RecordSubscriptionEnded();
    }

    private Subscription Register(Subscription subscription)
    {
        Interlocked.Increment(ref _subscriberCount);
        Metrics.RecordSubscriptionStarted();
        if (subscription.Topic is { } topic)
        {
            _byTopic.Add(topic, subscription);
        }
        else
        {
            // Counted before it is indexed, so a publish that sees it in the index also looks the index up.
            Interlocked.Increment(ref _typeWideCount);
            _byType.Add(subscription.EventType, subscription);
        }

        return subscription;
    }

    private static EventSubscriptionOptions Validate(EventSubscriptionOptions? options)
    {
        options ??= EventSubscriptionOptions.Default;
        options.Validate();
        return options;
    }

    private static void EnsureTypeWideKey(Type eventType)
    {
        if (!eventType.IsSealed && eventType != typeof(IRealtimeEvent))
        {
            throw new ArgumentException(
                $"Type-wide subscriptions take a sealed event type or {nameof(IRealtimeEvent)}, not {eventType.Name}.", nameof(eventType));
        }
    }
}
