using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;

namespace RealtimeApp.Tests.Domain.Realtime;

public sealed class EventHubConcurrencyTests : IDisposable
{
    private readonly EventHub _hub = new();

    public void Dispose() => _hub.Dispose();

    [Fact]
    public async Task Publish_GivesEverySubscriberTheSameOrder_WhenPublishersRaceOnOneTopic()
    {
        const int publishers = 4;
        const int perPublisher = 5_000;
        var topic = Topics.Task("race");
        var recorders = Enumerable.Range(0, 3).Select(_ => new List<(int, long)>()).ToArray();
        foreach (var recorder in recorders)
        {
            _hub.Subscribe<TaskProgressed>(topic, e => recorder.Add((e.Progress, e.Sequence)));
        }

        var typeWide = new List<(int, long)>();
        _hub.SubscribeAll<TaskProgressed>(e => typeWide.Add((e.Progress, e.Sequence)));
        var queued = new List<(int, long)>();
        var queuedAll = new TaskCompletionSource();
        _hub.Subscribe<TaskProgressed>(
            topic,
            (e, _) =>
            {
                queued.Add((e.Progress, e.Sequence));
                if (queued.Count == publishers * perPublisher)
                {
                    queuedAll.SetResult();
                }

                return ValueTask.CompletedTask;
            },
            new() { Capacity = publishers * perPublisher, Overflow = OverflowPolicy.Fault });

        RunConcurrently(publishers, publisher =>
        {
            for (var sequence = 1; sequence <= perPublisher; sequence++)
            {
                _hub.Publish(SampleEvents.Progress("race", sequence, publisher));
            }
        });
        await queuedAll.Task.WithTimeout();

        var order = recorders[0];
        order.Count.ShouldBe(publishers * perPublisher);
        recorders.ShouldAllBe(recorder => recorder.SequenceEqual(order));
        typeWide.ShouldBe(order);
        queued.ShouldBe(order);
        for (var publisher = 0; publisher < publishers; publisher++)
        {
            var sequences = order.Where(e => e.Item1 == publisher).Select(e => e.Item2).ToList();
            sequences.ShouldBe(Enumerable.Range(1, perPublisher).Select(s => (long)s).ToList());
        }
    }

    [Fact]
    public void Publish_DeliversEachEventExactlyOnce_When8ThreadsPublish10000Each()
    {
        const int threads = 8;
        const int perThread = 10_000;
        var topicHits = new int[threads * perThread];
        var typeHits = new int[threads * perThread];
        var queuedHits = new int[threads * perThread];
        using var queuedAll = new CountdownEvent(threads * perThread);
        _hub.Subscribe<TaskProgressed>(Topics.Task("load"), e => Interlocked.Increment(ref topicHits[Index(e)]));
        _hub.SubscribeAll<TaskProgressed>(e => Interlocked.Increment(ref typeHits[Index(e)]));
        _hub.Subscribe<TaskProgressed>(
            Topics.Task("load"),
            (e, _) =>
            {
                Interlocked.Increment(ref queuedHits[Index(e)]);
                queuedAll.Signal();
                return ValueTask.CompletedTask;
            },
            new() { Capacity = threads * perThread, Overflow = OverflowPolicy.Fault });

        RunConcurrently(threads, thread =>
        {
            for (var i = 0; i < perThread; i++)
            {
                _hub.Publish(SampleEvents.Progress("load", thread * perThread + i, thread));
            }
        });
        queuedAll.WaitOrFail();

        topicHits.ShouldAllBe(hits => hits == 1);
        typeHits.ShouldAllBe(hits => hits == 1);
        queuedHits.ShouldAllBe(hits => hits == 1);
    }

    private static int Index(TaskProgressed e) => (int)e.Sequence;

    private static void RunConcurrently(int threads, Action<int> body)
    {
        using var start = new Barrier(threads);
        var workers = Enumerable.Range(0, threads)
            .Select(i => new Thread(() =>
            {
                start.SignalAndWait(TestWaits.Timeout);
                body(i);
            }))
            .ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join(TestWaits.Timeout).ShouldBeTrue("a publisher thread hung"));
    }
}
