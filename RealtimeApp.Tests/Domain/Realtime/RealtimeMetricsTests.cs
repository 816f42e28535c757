using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Tests.Support;

namespace RealtimeApp.Tests.Domain.Realtime;

public sealed class RealtimeMetricsTests : IDisposable
{
    private static readonly string Topic = Topics.Room("general");
    private readonly RealtimeMetrics _metrics = new();
    private readonly EventHub _hub;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new();

    public RealtimeMetricsTests()
    {
        _hub = new EventHub(metrics: _metrics);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == _metrics.Meter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => _totals.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _hub.Dispose();
        _metrics.Dispose();
    }

    [Fact]
    public void Counters_Move_WhenEventsArePublishedDeliveredAndFail()
    {
        var subscription = _hub.Subscribe<MessagePosted>(Topic, _ => { });
        _hub.Subscribe<MessagePosted>(Topic, _ => throw new InvalidOperationException("boom"));

        _hub.Publish(SampleEvents.Message("general", 1));
        _hub.Publish(SampleEvents.Message("random", 1));
        subscription.Dispose();

        Total("realtimeapp.events.published").ShouldBe(2);
        Total("realtimeapp.events.deliveries").ShouldBe(2);
        Total("realtimeapp.events.handler_errors").ShouldBe(1);
        Total("realtimeapp.subscriptions.active").ShouldBe(1);
    }

    [Fact]
    public async Task DroppedAndFaulted_Move_WhenQueuesOverflow()
    {
        var started = new TaskCompletionSource();
        var faulted = new TaskCompletionSource();
        Func<MessagePosted, CancellationToken, ValueTask> blocked = async (_, cancellationToken) =>
        {
            started.TrySetResult();
            await Blocking.UntilCancelledAsync(cancellationToken);
        };
        _hub.Subscribe(Topic, blocked, new() { Capacity = 1, Overflow = OverflowPolicy.DropOldest });
        _hub.Subscribe(Topic, blocked, new() { Capacity = 1, Overflow = OverflowPolicy.Fault, OnFaulted = _ => faulted.SetResult() });

        for (var sequence = 1; sequence <= 5; sequence++)
        {
            _hub.Publish(SampleEvents.Message("general", sequence));
        }

        await faulted.Task.WithTimeout();
        Total("realtimeapp.subscriptions.faulted").ShouldBe(1);
        Total("realtimeapp.events.dropped").ShouldBeGreaterThanOrEqualTo(3);
        Total("realtimeapp.subscriptions.active").ShouldBe(1);
    }

    private long Total(string instrument) => _totals.GetValueOrDefault(instrument);
}
