namespace RealtimeApp.Domain.Realtime;

public sealed partial class EventHub
{
    /// <summary>The backplane's receiver: delivers an event (local or remote) to this node's subscribers.</summary>
    private void DeliverLocally(IRealtimeEvent realtimeEvent)
    {
        var scope = _scope ??= new DeliveryScope();
        if (scope.Delivering)
        {
            // Published from inside a handler: finish the current event everywhere first, and never hold two locks.
            scope.Pending.Enqueue((this, realtimeEvent));
            return;
        }

        scope.Delivering = true;
        try
        {
            DeliverUnderTopicLock(realtimeEvent);
            while (scope.Pending.TryDequeue(out var pending))
            {
                pending.Hub.DeliverUnderTopicLock(pending.Event);
            }
        }
        finally
        {
            scope.Delivering = false;
            if (scope.Pending.Count > 0)
            {
                scope.Pending.Clear();
            }
        }
    }

    private void DeliverUnderTopicLock(IRealtimeEvent realtimeEvent)
    {
        var topic = realtimeEvent.Topic;
        var topicSubscribers = _byTopic.Find(topic);
        var anyTypeWide = Volatile.Read(ref _typeWideCount) > 0;
        if (topicSubscribers is null && !anyTypeWide)
        {
            return;
        }

        int delivered;
        lock (topicSubscribers?.Gate ?? GateFor(topic))
        {
            delivered = DeliverTo(topicSubscribers, realtimeEvent);
            if (anyTypeWide)
            {
                delivered += DeliverTo(_byType.Find(realtimeEvent.GetType()), realtimeEvent)
                    + DeliverTo(_byType.Find(typeof(IRealtimeEvent)), realtimeEvent);
            }
        }

        Metrics.RecordDeliveries(delivered);
    }

    /// <summary>The lock serialising delivery on a topic: always the same one for the same topic.</summary>
    private Lock GateFor(string topic) => _stripes[topic.GetHashCode() & (LockStripes - 1)];

    private static int DeliverTo(SubscriberSet? subscribers, IRealtimeEvent realtimeEvent)
    {
        if (subscribers is null)
        {
            return 0;
        }

        var delivered = 0;
        foreach (var subscriber in subscribers.Items)
        {
            if (subscriber.Deliver(realtimeEvent))
            {
                delivered++;
            }
        }

        return delivered;
    }

    internal void ReportHandlerError(Subscription subscription, Exception exception)
    {
        Metrics.RecordHandlerError();
        try
        {
            subscription.Options.OnError?.Invoke(exception);
            _options.OnHandlerError?.Invoke(subscription, exception);
        }
        catch (Exception)
        {
            // An error callback that throws must not break delivery to the other subscribers.
        }
    }

    /// <summary>Per-thread delivery state: whether this thread is delivering, and events published meanwhile.</summary>
    private sealed class DeliveryScope
    {
        public bool Delivering { get; set; }

        public Queue<(EventHub Hub, IRealtimeEvent Event)> Pending { get; } = new();
    }
}
