namespace RealtimeApp.Domain.Realtime;

/// <summary>
/// A live subscription handed out by <see cref="EventHub"/>. Dispose it to unsubscribe: disposing is idempotent,
/// safe from inside a handler, and once it returns no further delivery to this handler starts.
/// </summary>
public interface IEventSubscription : IDisposable, IAsyncDisposable
{
    /// <summary>The topic, or null for a subscription to every event of <see cref="EventType"/>.</summary>
    string? Topic { get; }

    /// <summary>The event type the handler receives.</summary>
    Type EventType { get; }

    /// <summary>Whether events are still delivered (neither disposed nor faulted).</summary>
    bool IsActive { get; }

    /// <summary>Whether the subscription ended because its queue overflowed under <see cref="OverflowPolicy.Fault"/>.</summary>
    bool IsFaulted { get; }

    /// <summary>Events dropped under <see cref="OverflowPolicy.DropOldest"/>.</summary>
    long DroppedCount { get; }

    /// <summary>
    /// Completes when the subscription ends: successfully on dispose, with an
    /// <see cref="EventSubscriptionOverflowException"/> when it faults.
    /// </summary>
    Task Completion { get; }
}
