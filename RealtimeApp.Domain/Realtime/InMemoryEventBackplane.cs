namespace RealtimeApp.Domain.Realtime;

/// <summary>
/// The single-node backplane: <see cref="PublishAsync"/> loops every event straight back to the connected hubs,
/// synchronously and without allocating, so the publisher's order is kept and publishing stays cheap.
/// Several hubs connected to one instance behave like several nodes sharing a bus (useful in tests).
/// </summary>
public sealed class InMemoryEventBackplane : IEventBackplane
{
    private Action<IRealtimeEvent>[] _receivers = [];

    /// <inheritdoc />
    public IDisposable Connect(Action<IRealtimeEvent> receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        Update(receiver, static (receivers, added) => [.. receivers, added]);
        return new Connection(this, receiver);
    }

    /// <inheritdoc />
    public ValueTask PublishAsync(IRealtimeEvent realtimeEvent, CancellationToken cancellationToken = default)
    {
        foreach (var receiver in Volatile.Read(ref _receivers))
        {
            receiver(realtimeEvent);
        }

        return default;
    }

    private void Update(Action<IRealtimeEvent> receiver, Func<Action<IRealtimeEvent>[], Action<IRealtimeEvent>, Action<IRealtimeEvent>[]> change)
    {
        while (true)
        {
            var current = Volatile.Read(ref _receivers);
            if (Interlocked.CompareExchange(ref _receivers, change(current, receiver), current) == current)
            {
                return;
            }
        }
    }

    private sealed class Connection(InMemoryEventBackplane backplane, Action<IRealtimeEvent> receiver) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                backplane.Update(receiver, static (receivers, removed) => Array.FindAll(receivers, r => !ReferenceEquals(r, removed)));
            }
        }
    }
}
