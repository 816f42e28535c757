using System.Collections.Concurrent;

namespace RealtimeApp.Domain.Realtime;

/// <summary>
/// Key → immutable <see cref="SubscriberSet"/>. Readers take the set as a snapshot without locking; writers replace
/// it (copy-on-write, compare-and-swap), so subscribing costs O(n) for the key and publishing allocates nothing.
/// An entry disappears with its last subscriber, so short-lived topics (one per task) do not accumulate.
/// </summary>
internal sealed class SubscriberIndex<TKey>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, SubscriberSet> _entries;
    private readonly Func<TKey, Lock>? _gateFor;

    public SubscriberIndex(IEqualityComparer<TKey>? comparer = null, Func<TKey, Lock>? gateFor = null)
    {
        _entries = new(comparer);
        _gateFor = gateFor;
    }

    public SubscriberSet? Find(TKey key) => _entries.TryGetValue(key, out var subscribers) ? subscribers : null;

    public int CountFor(TKey key) => Find(key)?.Items.Length ?? 0;

    public IEnumerable<Subscription> All() => _entries.Values.SelectMany(static set => set.Items);

    public void Add(TKey key, Subscription subscription) =>
        _entries.AddOrUpdate(
            key,
            static (key, arg) => new SubscriberSet([arg.Subscription], arg.Index._gateFor?.Invoke(key)),
            static (_, existing, arg) => new SubscriberSet([.. existing.Items, arg.Subscription], existing.Gate),
            (Subscription: subscription, Index: this));

    public void Remove(TKey key, Subscription subscription)
    {
        while (_entries.TryGetValue(key, out var existing))
        {
            var items = existing.Items;
            var index = Array.IndexOf(items, subscription);
            if (index < 0)
            {
                return;
            }

            if (items.Length == 1)
            {
                if (_entries.TryRemove(KeyValuePair.Create(key, existing)))
                {
                    return;
                }

                continue;
            }

            var remaining = new Subscription[items.Length - 1];
            Array.Copy(items, 0, remaining, 0, index);
            Array.Copy(items, index + 1, remaining, index, items.Length - index - 1);
            if (_entries.TryUpdate(key, new SubscriberSet(remaining, existing.Gate), existing))
            {
                return;
            }
        }
    }
}
