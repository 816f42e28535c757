namespace RealtimeApp.Domain.Realtime;

/// <summary>A handler invoked inline on the publishing thread, under the topic's delivery lock.</summary>
internal sealed class SyncSubscription<TEvent> : Subscription
    where TEvent : class, IRealtimeEvent
{
    private readonly Action<TEvent> _handler;

    public SyncSubscription(
        EventHub hub, string? topic, Action<TEvent> handler, EventSubscriptionOptions options, ISubscriptionOwner? owner)
        : base(hub, topic, typeof(TEvent), options, owner) => _handler = handler;

    internal override bool Deliver(IRealtimeEvent realtimeEvent)
    {
        if (realtimeEvent is not TEvent typed || !IsActive)
        {
            return false;
        }

        try
        {
            _handler(typed);
        }
        catch (Exception exception)
        {
            ReportError(exception);
        }

        return true;
    }
}
