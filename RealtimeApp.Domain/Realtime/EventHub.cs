namespace RealtimeApp.Domain.Realtime;

/// <summary>
/// The process-wide, thread-safe, topic-indexed event hub (register as a singleton).
/// <para>
/// <b>Cost.</b> A publish looks up its topic (and its event type, for type-wide subscribers) and walks an
/// immutable subscriber array: O(subscribers of that topic), no allocation besides the event itself.
/// </para>
/// <para>
/// <b>Ordering guarantee.</b> Delivery for a topic runs under that topic's lock (a lock stripe chosen by the topic),
/// so concurrent publishers to one topic are serialised: every subscriber of the topic, topic-scoped or
/// type-wide, synchronous or asynchronous, observes the topic's events in one and the same order, the order in
/// which publishers entered the lock; one publisher's events keep their order. Events of different topics are not
/// ordered relative to each other, and a type-wide synchronous handler may run concurrently for different topics.
/// An event published from inside a synchronous handler is delivered after the current event has reached all
/// subscribers (a thread never holds two topic locks, so handlers that publish cannot deadlock).
/// </para>
/// <para>
/// <b>Isolation.</b> A synchronous handler runs inline under the topic lock: it must be quick, and an exception is
/// caught, counted and reported, never affecting other handlers. Anything slow belongs in an asynchronous handler,
/// which gets its own bounded queue and pump (see <see cref="EventSubscriptionOptions"/>).
/// </para>
/// </summary>
public sealed partial class EventHub : IDisposable
{
    private const int LockStripes = 64;

    [ThreadStatic]
    private static DeliveryScope? _scope;

    private readonly Lock[] _stripes = new Lock[LockStripes];
    private readonly SubscriberIndex<string> _byTopic;
    private readonly IEventBackplane _backplane;
    private readonly IDisposable _backplaneConnection;
    private readonly bool _ownsMetrics;
    private readonly EventHubOptions _options;

    /// <summary>Creates a hub on <paramref name="backplane"/> (default: a private <see cref="InMemoryEventBackplane"/>).</summary>
    public EventHub(IEventBackplane? backplane = null, RealtimeMetrics? metrics = null, EventHubOptions? options = null)
    {
        for (var i = 0; i < _stripes.Length; i++)
        {
            _stripes[i] = new Lock();
        }

        _byTopic = new(StringComparer.Ordinal, GateFor);

        _ownsMetrics = metrics is null;
        Metrics = metrics ?? new RealtimeMetrics();
        _options = options ?? EventHubOptions.Default;
        _backplane = backplane ?? new InMemoryEventBackplane();
        _backplaneConnection = _backplane.Connect(DeliverLocally);
    }

    internal RealtimeMetrics Metrics { get; }

    /// <summary>
    /// Publishes an event to the subscribers of <c>realtimeEvent.Topic</c> (and type-wide subscribers) on every node.
    /// With the in-memory backplane, synchronous handlers have run and asynchronous ones have their event queued when
    /// this returns. Never throws for a backplane failure: that goes to <see cref="EventHubOptions.OnBackplaneError"/>.
    /// </summary>
    public void Publish<TEvent>(TEvent realtimeEvent)
        where TEvent : class, IRealtimeEvent
    {
        var sending = StartPublish(realtimeEvent);
        if (sending.IsCompletedSuccessfully)
        {
            sending.GetAwaiter().GetResult();
        }
        else
        {
            _ = ObserveAsync(sending);
        }
    }

    /// <summary>Like <see cref="Publish{TEvent}"/>, but completes when the backplane took the event and reports its failures.</summary>
    public ValueTask PublishAsync<TEvent>(TEvent realtimeEvent, CancellationToken cancellationToken = default)
        where TEvent : class, IRealtimeEvent
    {
        ArgumentNullException.ThrowIfNull(realtimeEvent);
        ArgumentException.ThrowIfNullOrEmpty(realtimeEvent.Topic, nameof(realtimeEvent));
        Metrics.RecordPublished();
        return _backplane.PublishAsync(realtimeEvent, cancellationToken);
    }

    /// <summary>
    /// Delivers an event to this node's subscribers only, never to the other nodes: for what each node works out for
    /// itself (presence across the nodes, say) and would otherwise hear once from every node.
    /// </summary>
    public void PublishLocal<TEvent>(TEvent realtimeEvent)
        where TEvent : class, IRealtimeEvent
    {
        ArgumentNullException.ThrowIfNull(realtimeEvent);
        ArgumentException.ThrowIfNullOrEmpty(realtimeEvent.Topic, nameof(realtimeEvent));
        Metrics.RecordPublished();
        DeliverLocally(realtimeEvent);
    }

    /// <summary>Disconnects from the backplane and ends every subscription.</summary>
    public void Dispose()
    {
        _backplaneConnection.Dispose();
        foreach (var subscription in _byTopic.All().Concat(_byType.All()))
        {
            subscription.Dispose();
        }

        if (_ownsMetrics)
        {
            Metrics.Dispose();
        }
    }

    private ValueTask StartPublish(IRealtimeEvent realtimeEvent)
    {
        ArgumentNullException.ThrowIfNull(realtimeEvent);
        ArgumentException.ThrowIfNullOrEmpty(realtimeEvent.Topic, nameof(realtimeEvent));
        Metrics.RecordPublished();
        try
        {
            return _backplane.PublishAsync(realtimeEvent, CancellationToken.None);
        }
        catch (Exception exception)
        {
            ReportBackplaneError(exception);
            return default;
        }
    }

    private async Task ObserveAsync(ValueTask sending)
    {
        try
        {
            await sending.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            ReportBackplaneError(exception);
        }
    }

    private void ReportBackplaneError(Exception exception)
    {
        try
        {
            _options.OnBackplaneError?.Invoke(exception);
        }
        catch (Exception)
        {
            // A failing error callback must not take the publisher down.
        }
    }
}
