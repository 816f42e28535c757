using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Web.Realtime.Backplane;
using RealtimeApp.Web.Realtime.Streams;

namespace RealtimeApp.Tests.Realtime.Streams;

public sealed class ResumableStreamTests : IDisposable
{
    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly EventHub _hub = new();
    private readonly EventAggregator _aggregator;
    private readonly TimelineSource _source;
    private readonly StreamMetrics _metrics;

    public ResumableStreamTests()
    {
        _aggregator = new EventAggregator(_hub);
        _source = new TimelineSource(_hub);
        var meterFactory = _meters.GetRequiredService<IMeterFactory>();
        _metrics = new StreamMetrics(meterFactory, new BackplaneMetrics(meterFactory));
    }

    public void Dispose()
    {
        _aggregator.Dispose();
        _hub.Dispose();
        _meters.Dispose();
    }

    [Fact]
    public async Task ReadAsync_ReplaysWhatWasStoredThenGoesLive_WithoutRepeating_WhenResumingAfterASequence()
    {
        Enumerable.Range(1, 5).ToList().ForEach(_ => _source.Commit());
        var stream = Subscribe();
        _source.Commit();
        _source.Commit();

        var read = await ReadAsync(stream, after: 2, last: 5, count: 5);

        read.ShouldBe(["stored 3", "stored 4", "stored 5", "stored 6", "stored 7"]);
    }

    [Fact]
    public async Task ReadAsync_ReadsTheGapFromTheStore_WhenALiveEventDoesNotFollowOn()
    {
        var stream = Subscribe();
        _source.Commit(publish: false);
        _source.Commit(publish: false);
        _source.Commit();

        var read = await ReadAsync(stream, after: null, last: 0, count: 3);

        read.ShouldBe(["stored 1", "stored 2", "live 3"]);
    }

    [Fact]
    public async Task ReadAsync_ReadsTheStoreToItsEnd_WhenTheBackplaneComesBack()
    {
        var stream = Subscribe();
        _source.Commit(publish: false);
        _source.Commit(publish: false);
        _hub.Publish(new BackplaneResumed());

        var read = await ReadAsync(stream, after: null, last: 0, count: 2);

        read.ShouldBe(["stored 1", "stored 2"]);
    }

    [Fact]
    public async Task ReadAsync_ReadsWhatItDroppedBackFromTheStoreAndSaysSo_WhenItsBufferOverflows()
    {
        var stream = Subscribe(capacity: 4);
        for (var i = 1; i <= 10; i++)
        {
            _source.Commit();
        }

        _source.PublishStatus("running");

        var read = await ReadAsync(stream, after: null, last: 0, count: 11);

        read.ShouldBe(["live 1", "live 2", "live 3", "live 4", "stored 5", "stored 6", "stored 7", "stored 8", "stored 9", "stored 10", "resynced"]);
    }

    [Fact]
    public async Task ReadAsync_DeliversUpdatesInOrderWithTheItems()
    {
        var stream = Subscribe();
        _source.Commit();
        _source.PublishStatus("running");
        _source.Commit();

        var read = await ReadAsync(stream, after: null, last: 0, count: 3);

        read.ShouldBe(["live 1", "status running", "live 2"]);
    }

    [Fact]
    public async Task ReadAsync_DeliversWhatWasBufferedAndTheFinalEvent_ThenEnds()
    {
        var stream = Subscribe();
        _source.Commit();
        _source.PublishStatus("succeeded");
        _source.Commit();

        var read = new List<string>();
        await foreach (var next in stream.ReadAsync(null, 0, _metrics, TestContext.Current.CancellationToken))
        {
            read.Add(next.Value);
        }

        read.ShouldBe(["live 1", "status succeeded"], "nothing after the final event");
    }

    [Fact]
    public async Task ReadAsync_EndsWithTheSourcesError_AfterWhatWasBuffered()
    {
        var stream = Subscribe();
        _source.Commit();
        _source.PublishStatus("cancelled");

        var read = new List<string>();
        await Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            await foreach (var next in stream.ReadAsync(null, 0, _metrics, TestContext.Current.CancellationToken))
            {
                read.Add(next.Value);
            }
        });

        read.ShouldBe(["live 1"]);
    }

    [Fact]
    public async Task ReadAsync_EndsTheLiveSubscription_WhenTheReaderStops()
    {
        var stream = Subscribe();
        _source.Commit();

        await ReadAsync(stream, after: null, last: 0, count: 1);

        _aggregator.SubscriptionCount.ShouldBe(0);
    }

    private ResumableStream<string> Subscribe(int capacity = 64) => ResumableStream<string>.Subscribe(_aggregator, _source, capacity);

    private async Task<List<string>> ReadAsync(ResumableStream<string> stream, long? after, long last, int count)
    {
        var read = new List<string>();
        await foreach (var next in stream.ReadAsync(after, last, _metrics, TestContext.Current.CancellationToken))
        {
            read.Add(next.Value);
            if (read.Count == count)
            {
                break;
            }
        }

        return read;
    }
}
