using BenchmarkDotNet.Attributes;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;

namespace RealtimeApp.Benchmarks;

/// <summary>
/// Publishing to one topic with N synchronous subscribers. Each invocation makes exactly
/// <see cref="DeliveriesPerInvoke"/> deliveries (10,000 / N publishes), so one reported operation is one delivery:
/// Op/s is deliveries per second and Allocated is bytes per delivery. The event is built once, outside.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(DeliveriesConfig))]
public class SyncPublishBenchmarks
{
    public const int DeliveriesPerInvoke = 10_000;

    private EventHub _hub = null!;
    private MessagePosted _event = null!;
    private int _publishes;
    private long _received;

    [Params(1, 100, 10_000)]
    public int Subscribers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _hub = new EventHub();
        _event = new MessagePosted("general", 1, "m-1", "alice", "Alice", "hello", DateTimeOffset.UnixEpoch, []);
        _publishes = DeliveriesPerInvoke / Subscribers;
        for (var i = 0; i < Subscribers; i++)
        {
            _hub.Subscribe<MessagePosted>(_event.Topic, OnMessage);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _hub.Dispose();

    [Benchmark(OperationsPerInvoke = DeliveriesPerInvoke)]
    public void Publish()
    {
        for (var i = 0; i < _publishes; i++)
        {
            _hub.Publish(_event);
        }
    }

    private void OnMessage(MessagePosted message) => _received += message.Sequence;
}
