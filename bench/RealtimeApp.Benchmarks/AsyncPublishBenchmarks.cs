using BenchmarkDotNet.Attributes;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;

namespace RealtimeApp.Benchmarks;

/// <summary>
/// Publishing to one topic with N asynchronous subscribers (each its own queue and pump), measured until every
/// queued event has been handled: enqueue on the publisher plus drain on the thread pool. Each invocation makes
/// exactly <see cref="DeliveriesPerInvoke"/> deliveries, so one reported operation is one delivery.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(DeliveriesConfig))]
public class AsyncPublishBenchmarks
{
    public const int DeliveriesPerInvoke = 10_000;

    private readonly ManualResetEventSlim _drained = new();
    private EventHub _hub = null!;
    private MessagePosted _event = null!;
    private int _publishes;
    private int _pending;

    [Params(1, 100, 10_000)]
    public int Subscribers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _hub = new EventHub();
        _event = new MessagePosted("general", 1, "m-1", "alice", "Alice", "hello", DateTimeOffset.UnixEpoch, []);
        _publishes = DeliveriesPerInvoke / Subscribers;
        var options = new EventSubscriptionOptions { Capacity = DeliveriesPerInvoke, Overflow = OverflowPolicy.Fault };
        for (var i = 0; i < Subscribers; i++)
        {
            _hub.Subscribe<MessagePosted>(_event.Topic, OnMessageAsync, options);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _hub.Dispose();

    [Benchmark(OperationsPerInvoke = DeliveriesPerInvoke)]
    public void PublishAndDrain()
    {
        _drained.Reset();
        Volatile.Write(ref _pending, DeliveriesPerInvoke);
        for (var i = 0; i < _publishes; i++)
        {
            _hub.Publish(_event);
        }

        _drained.Wait();
    }

    private ValueTask OnMessageAsync(MessagePosted message, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref _pending) == 0)
        {
            _drained.Set();
        }

        return ValueTask.CompletedTask;
    }
}
