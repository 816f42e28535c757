using System.Collections.Concurrent;

namespace RealtimeApp.Domain.Realtime;

/// <summary>
/// Key → immutable subscriber array. Readers take the array as a snapshot without locking; writers replace it
/// (copy-on-write, compare-and-swap), so subscribing costs O(n) for the key and publishing allocates nothing.
/// An entry disappears with its last subscriber, so short-lived topics (one per task) do not accumulate.
/// </summary>
internal sealed class SubscriberIndex<TKey>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Subscription[]> _entries;

    public SubscriberIndex(IEqualityComparer<TKey>? comparer = null) => _entries = new(comparer);

    public Subscription[]? Find(TKey key) => _entries.TryGetValue(key, out var subscribers) ? subscribers : null;

    public int CountFor(TKey key) => Find(key)?.Length ?? 0;

    public IEnumerable<Subscription> All() => _entries.Values.SelectMany(static subscribers => subscribers);

    public void Add(TKey key, Subscription subscription) =>
        _entries.AddOrUpdate(
            key,
            static (_, added) => [added],
            static (_, existing, added) => [.. existing, added],
            subscription);

    public void Remove(TKey key, Subscription subscription)
    {
        while (_entries.TryGetValue(key, out var existing))
        {
            var index = Array.IndexOf(existing, subscription);
            if (index < 0)
            {
                return;
            }

            if (existing.Length == 1)
            {
                if (_entries.TryRemove(KeyValuePair.Create(key, existing)))
                {
                    return;
                }

                continue;
            }

            var remaining = new Subscription[existing.Length - 1];
            Array.Copy(existing, 0, remaining, 0, index);
            Array.Copy(existing, index + 1, remaining, index, existing.Length - index - 1);
            if (_entries.TryUpdate(key, remaining, existing))
            {
                return;
            }
        }
    }
}
