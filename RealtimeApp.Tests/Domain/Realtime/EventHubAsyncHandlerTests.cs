using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;

namespace RealtimeApp.Tests.Domain.Realtime;

public sealed class EventHubAsyncHandlerTests : IDisposable
{
    private static readonly string Topic = Topics.Room("general");
    private readonly EventHub _hub = new();
    private readonly BlockedHandler _blocked = new();

    public void Dispose() => _hub.Dispose();

    [Fact]
    public async Task Publish_DropsOldestAndCounts_WhenABlockedHandlersQueueIsFull()
    {
        var blocked = _hub.Subscribe<MessagePosted>(Topic, _blocked.HandleAsync, new() { Capacity = 10, Overflow = OverflowPolicy.DropOldest });
        var sync = new List<long>();
        _hub.Subscribe<MessagePosted>(Topic, e => sync.Add(e.Sequence));
        var otherAsync = new TaskCompletionSource<long>();
        _hub.Subscribe<MessagePosted>(Topic, (e, _) => Complete(otherAsync, e.Sequence, last: 101));
        _hub.Publish(SampleEvents.Message("general", 1));
        await _blocked.Started.Task.WithTimeout();

        for (var sequence = 2; sequence <= 101; sequence++)
        {
            _hub.Publish(SampleEvents.Message("general", sequence));
        }

        (await otherAsync.Task.WithTimeout()).ShouldBe(101);
        sync.Count.ShouldBe(101);
        blocked.DroppedCount.ShouldBe(90);
        blocked.IsActive.ShouldBeTrue();
        _blocked.Release.SetResult();
        await _blocked.WaitForCountAsync(11);
        _blocked.Received.ShouldBe([1, .. Enumerable.Range(92, 10).Select(s => (long)s)]);
    }

    [Fact]
    public async Task Publish_FaultsAndNotifiesOwner_WhenAFaultPolicyQueueOverflows()
    {
        var faulted = new TaskCompletionSource<IEventSubscription>();
        var blocked = _hub.Subscribe<MessagePosted>(
            Topic, _blocked.HandleAsync, new() { Capacity = 4, Overflow = OverflowPolicy.Fault, OnFaulted = faulted.SetResult });
        var others = new List<long>();
        _hub.Subscribe<MessagePosted>(Topic, e => others.Add(e.Sequence));
        _hub.Publish(SampleEvents.Message("general", 1));
        await _blocked.Started.Task.WithTimeout();

        for (var sequence = 2; sequence <= 10; sequence++)
        {
            _hub.Publish(SampleEvents.Message("general", sequence));
        }

        (await faulted.Task.WithTimeout()).ShouldBeSameAs(blocked);
        blocked.IsFaulted.ShouldBeTrue();
        blocked.IsActive.ShouldBeFalse();
        await Should.ThrowAsync<EventSubscriptionOverflowException>(blocked.Completion.WithTimeout());
        await _blocked.Cancelled.Task.WithTimeout();
        others.Count.ShouldBe(10);
        _hub.SubscriberCountFor(Topic).ShouldBe(1);
    }

    [Fact]
    public async Task AsyncHandler_KeepsRunning_WhenItThrows()
    {
        var errors = new List<Exception>();
        var done = new TaskCompletionSource<long>();
        _hub.Subscribe<MessagePosted>(
            Topic,
            (e, _) => e.Sequence == 1 ? throw new InvalidOperationException("boom") : Complete(done, e.Sequence, last: 2),
            new() { OnError = errors.Add });

        _hub.Publish(SampleEvents.Message("general", 1));
        _hub.Publish(SampleEvents.Message("general", 2));

        (await done.Task.WithTimeout()).ShouldBe(2);
        errors.ShouldHaveSingleItem().Message.ShouldBe("boom");
    }

    [Fact]
    public async Task DisposeAsync_WaitsForTheRunningHandlerAndCancelsIt_WhenTheHandlerIsBlocked()
    {
        var blocked = _hub.Subscribe<MessagePosted>(Topic, _blocked.HandleAsync);
        _hub.Publish(SampleEvents.Message("general", 1));
        await _blocked.Started.Task.WithTimeout();

        await blocked.DisposeAsync().AsTask().WithTimeout();
        _hub.Publish(SampleEvents.Message("general", 2));

        _blocked.Cancelled.Task.IsCompleted.ShouldBeTrue();
        _blocked.Received.ShouldBe([1]);
        _hub.SubscriberCount.ShouldBe(0);
    }

    private static ValueTask Complete(TaskCompletionSource<long> done, long sequence, long last)
    {
        if (sequence == last)
        {
            done.TrySetResult(sequence);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>A handler that blocks on its first event until released (or cancelled), recording what it sees.</summary>
    private sealed class BlockedHandler
    {
        private readonly Lock _gate = new();
        private readonly List<long> _received = [];
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<long> Received
        {
            get
            {
                lock (_gate)
                {
                    return [.. _received];
                }
            }
        }

        public async ValueTask HandleAsync(MessagePosted e, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                _received.Add(e.Sequence);
                _changed.TrySetResult();
                _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            Started.TrySetResult();
            try
            {
                await Release.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Cancelled.TrySetResult();
                throw;
            }
        }

        public async Task WaitForCountAsync(int count)
        {
            while (true)
            {
                Task changed;
                lock (_gate)
                {
                    if (_received.Count >= count)
                    {
                        return;
                    }

                    changed = _changed.Task;
                }

                await changed.WithTimeout();
            }
        }
    }
}
