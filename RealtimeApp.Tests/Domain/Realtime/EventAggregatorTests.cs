using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Tests.Support;

namespace RealtimeApp.Tests.Domain.Realtime;

public sealed class EventAggregatorTests : IDisposable
{
    private static readonly string Topic = Topics.Room("general");
    private readonly EventHub _hub = new();

    public void Dispose() => _hub.Dispose();

    [Fact]
    public void Dispose_LeavesNoHandlerInTheHub_WhenTheAggregatorHadSubscriptionsOfEveryKind()
    {
        var aggregator = new EventAggregator(_hub);
        var received = 0;
        aggregator.Subscribe<MessagePosted>(Topic, _ => received++);
        aggregator.Subscribe<MessagePosted>(Topic, (_, _) => ValueTask.CompletedTask);
        aggregator.SubscribeAll<MessagePosted>(_ => received++);
        aggregator.SubscribeAll<TaskProgressed>((_, _) => ValueTask.CompletedTask);

        aggregator.Dispose();
        _hub.Publish(SampleEvents.Message("general", 1));

        received.ShouldBe(0);
        _hub.SubscriberCount.ShouldBe(0);
        _hub.SubscriberCountFor(Topic).ShouldBe(0);
        _hub.SubscriberCountForType<MessagePosted>().ShouldBe(0);
        aggregator.SubscriptionCount.ShouldBe(0);
    }

    [Fact]
    public void Subscribe_Throws_WhenTheAggregatorIsDisposed()
    {
        var aggregator = new EventAggregator(_hub);
        aggregator.Dispose();

        var subscribing = () => aggregator.Subscribe<MessagePosted>(Topic, _ => { });

        subscribing.ShouldThrow<ObjectDisposedException>();
        _hub.SubscriberCount.ShouldBe(0);
    }

    [Fact]
    public void Subscribe_DeliversThroughTheHub_WhenAnotherScopePublishes()
    {
        using var aggregator = new EventAggregator(_hub);
        var received = new List<long>();
        aggregator.Subscribe<MessagePosted>(Topic, e => received.Add(e.Sequence));

        _hub.Publish(SampleEvents.Message("general", 1));

        received.ShouldBe([1]);
    }

    [Fact]
    public void SubscriptionCount_ForgetsASubscription_WhenItIsDisposedOnItsOwn()
    {
        using var aggregator = new EventAggregator(_hub);
        var kept = aggregator.Subscribe<MessagePosted>(Topic, _ => { });
        var dropped = aggregator.Subscribe<MessagePosted>(Topic, _ => { });

        dropped.Dispose();

        aggregator.SubscriptionCount.ShouldBe(1);
        _hub.SubscriberCount.ShouldBe(1);
        kept.IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task DisposeAsync_CancelsAndAwaitsRunningHandlers_WhenAnAsyncHandlerIsBusy()
    {
        var aggregator = new EventAggregator(_hub);
        var started = new TaskCompletionSource();
        var finished = new TaskCompletionSource();
        aggregator.Subscribe<MessagePosted>(Topic, async (_, cancellationToken) =>
        {
            started.SetResult();
            try
            {
                await Blocking.UntilCancelledAsync(cancellationToken);
            }
            finally
            {
                finished.SetResult();
            }
        });
        _hub.Publish(SampleEvents.Message("general", 1));
        await started.Task.WithTimeout();

        await aggregator.DisposeAsync().AsTask().WithTimeout();

        finished.Task.IsCompleted.ShouldBeTrue();
        _hub.SubscriberCount.ShouldBe(0);
        Should.Throw<ObjectDisposedException>(() => aggregator.SubscribeAll<MessagePosted>(_ => { }));
    }

    [Fact]
    public async Task SubscriptionCount_ForgetsASubscription_WhenItFaults()
    {
        using var aggregator = new EventAggregator(_hub);
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        var subscription = aggregator.Subscribe<MessagePosted>(
            Topic,
            async (_, cancellationToken) =>
            {
                started.TrySetResult();
                await release.Task.WaitAsync(cancellationToken);
            },
            new() { Capacity = 1, Overflow = OverflowPolicy.Fault });
        _hub.Publish(SampleEvents.Message("general", 1));
        await started.Task.WithTimeout();

        _hub.Publish(SampleEvents.Message("general", 2));
        _hub.Publish(SampleEvents.Message("general", 3));

        subscription.IsFaulted.ShouldBeTrue();
        aggregator.SubscriptionCount.ShouldBe(0);
        _hub.SubscriberCount.ShouldBe(0);
    }
}
