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
            scope.Pending.Clear();
        }
    }

    private void DeliverUnderTopicLock(IRealtimeEvent realtimeEvent)
    {
        var topic = realtimeEvent.Topic;
        int delivered;
        lock (_stripes[topic.GetHashCode() & (LockStripes - 1)])
        {
            delivered = DeliverTo(_byTopic.Find(topic), realtimeEvent)
                + DeliverTo(_byType.Find(realtimeEvent.GetType()), realtimeEvent)
                + DeliverTo(_byType.Find(typeof(IRealtimeEvent)), realtimeEvent);
        }

        Metrics.RecordDeliveries(delivered);
    }

    private static int DeliverTo(Subscription[]? subscribers, IRealtimeEvent realtimeEvent)
    {
        if (subscribers is null)
        {
            return 0;
        }

        var delivered = 0;
        foreach (var subscriber in subscribers)
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
