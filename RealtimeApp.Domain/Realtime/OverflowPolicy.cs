namespace RealtimeApp.Domain.Realtime;

/// <summary>What an asynchronous subscription does when its bounded queue is full.</summary>
public enum OverflowPolicy
{
    /// <summary>Drop the oldest queued event to make room; drops are counted. Fits state that the next event supersedes (presence, typing, agent status).</summary>
    DropOldest,

    /// <summary>
    /// End the subscription as faulted and tell its owner (<see cref="EventSubscriptionOptions.OnFaulted"/>,
    /// <see cref="IEventSubscription.Completion"/>), which resyncs from the database. Fits sequenced streams.
    /// </summary>
    Fault,
}
