namespace RealtimeApp.Domain.Realtime;

/// <summary>
/// One key's subscribers, immutable (replaced as a whole on change), with the lock that serialises delivery for
/// a topic. The lock is the topic's stripe, not owned by the set, so a topic keeps the same lock when its set is
/// replaced, removed or re-created.
/// </summary>
internal sealed class SubscriberSet(Subscription[] items, Lock? gate)
{
    public Subscription[] Items { get; } = items;

    public Lock? Gate { get; } = gate;
}
