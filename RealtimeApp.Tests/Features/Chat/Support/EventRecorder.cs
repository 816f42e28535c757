using System.Collections.Concurrent;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Tests.Domain.Realtime;

namespace RealtimeApp.Tests.Features.Chat.Support;

/// <summary>Records the events of one type published on a topic of the real hub, in delivery order.</summary>
public sealed class EventRecorder<TEvent> : IDisposable
    where TEvent : class, IRealtimeEvent
{
    private readonly ConcurrentQueue<TEvent> _events = new();
    private readonly IEventSubscription _subscription;
    private readonly int _expected;
    private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public EventRecorder(EventHub hub, string topic, int expected = 1)
    {
        ArgumentNullException.ThrowIfNull(hub);
        _expected = expected;
        _subscription = hub.Subscribe<TEvent>(topic, Record);
    }

    public IReadOnlyList<TEvent> Events => [.. _events];

    /// <summary>Completes once the expected number of events arrived (a generous timeout turns a hang into a failure).</summary>
    public Task WaitAsync() => _arrived.Task.WithTimeout();

    public void Dispose() => _subscription.Dispose();

    private void Record(TEvent realtimeEvent)
    {
        _events.Enqueue(realtimeEvent);
        if (_events.Count >= _expected)
        {
            _arrived.TrySetResult();
        }
    }
}
