using RealtimeApp.Web.Realtime.Protocol;

namespace RealtimeApp.Web.Realtime.Connections;

/// <summary>The connection's active subscriptions, keyed by the raw request id (ids are per connection, §8).</summary>
internal sealed class SubscriptionTable
{
    private readonly Lock _lock = new();
    private Dictionary<string, CancellationTokenSource>? _active; // made by the first subscription

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _active?.Count ?? 0;
            }
        }
    }

    public SubscriptionReservation TryAdd(RequestId id, int max, CancellationToken connection, out CancellationTokenSource? source)
    {
        source = null;
        lock (_lock)
        {
            _active ??= new Dictionary<string, CancellationTokenSource>(StringComparer.Ordinal);
            if (_active.ContainsKey(id.RawJson))
            {
                return SubscriptionReservation.Duplicate;
            }

            if (_active.Count >= max)
            {
                return SubscriptionReservation.LimitReached;
            }

            source = CancellationTokenSource.CreateLinkedTokenSource(connection);
            _active.Add(id.RawJson, source);
            return SubscriptionReservation.Added;
        }
    }

    /// <summary>Cancels the subscription; false (and nothing happens) when the id is not active.</summary>
    public bool TryStop(RequestId id)
    {
        CancellationTokenSource? source;
        lock (_lock)
        {
            if (_active is null || !_active.TryGetValue(id.RawJson, out source))
            {
                return false;
            }
        }

        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // It ended on its own meanwhile.
        }

        return true;
    }

    public void Remove(RequestId id, CancellationTokenSource source)
    {
        lock (_lock)
        {
            if (_active is not null && _active.TryGetValue(id.RawJson, out var current) && current == source)
            {
                _active.Remove(id.RawJson);
            }
        }

        source.Dispose();
    }
}
