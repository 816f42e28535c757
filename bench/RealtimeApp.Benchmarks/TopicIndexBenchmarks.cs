using BenchmarkDotNet.Attributes;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;

namespace RealtimeApp.Benchmarks;

/// <summary>
/// One publish to a topic with a single subscriber while N other topics have a subscriber each: the cost must not
/// grow with N (the hub is topic-indexed). One operation is one publish.
/// </summary>
[MemoryDiagnoser]
public class TopicIndexBenchmarks
{
    private EventHub _hub = null!;
    private MessagePosted _event = null!;
    private long _received;

    [Params(0, 10_000)]
    public int OtherTopics { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _hub = new EventHub();
        _event = new MessagePosted("general", 1, "m-1", "alice", "Alice", "hello", DateTimeOffset.UnixEpoch, []);
        _hub.Subscribe<MessagePosted>(_event.Topic, OnMessage);
        for (var i = 0; i < OtherTopics; i++)
        {
            _hub.Subscribe<MessagePosted>(Topics.Room($"room-{i}"), OnMessage);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _hub.Dispose();

    [Benchmark]
    public void PublishToOneTopic() => _hub.Publish(_event);

    private void OnMessage(MessagePosted message) => _received += message.Sequence;
}
