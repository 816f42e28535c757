using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;

namespace RealtimeApp.Tests.Domain.Realtime;

public sealed class EventBackplaneTests
{
    [Fact]
    public void Publish_ReachesSubscribersOnEveryNode_WhenHubsShareABackplane()
    {
        var backplane = new InMemoryEventBackplane();
        using var nodeA = new EventHub(backplane);
        using var nodeB = new EventHub(backplane);
        var onA = new List<long>();
        var onB = new List<long>();
        nodeA.Subscribe<MessagePosted>(Topics.Room("general"), e => onA.Add(e.Sequence));
        nodeB.Subscribe<MessagePosted>(Topics.Room("general"), e => onB.Add(e.Sequence));

        nodeA.Publish(SampleEvents.Message("general", 1));
        nodeB.Publish(SampleEvents.Message("general", 2));

        onA.ShouldBe([1, 2]);
        onB.ShouldBe([1, 2]);
    }

    [Fact]
    public void Publish_StopsReachingANode_WhenItsHubIsDisposed()
    {
        var backplane = new InMemoryEventBackplane();
        using var nodeA = new EventHub(backplane);
        var nodeB = new EventHub(backplane);
        var onB = 0;
        nodeB.Subscribe<MessagePosted>(Topics.Room("general"), _ => onB++);

        nodeB.Dispose();
        nodeA.Publish(SampleEvents.Message("general", 1));

        onB.ShouldBe(0);
        nodeB.SubscriberCount.ShouldBe(0);
    }

    [Fact]
    public async Task Publish_ReportsAndDoesNotThrow_WhenTheBackplaneFails()
    {
        var reported = new TaskCompletionSource<Exception>();
        using var hub = new EventHub(new FailingBackplane(), options: new() { OnBackplaneError = e => reported.SetResult(e) });

        hub.Publish(SampleEvents.Message("general", 1));

        (await reported.Task.WithTimeout()).Message.ShouldBe("transport down");
    }

    [Fact]
    public async Task PublishAsync_Throws_WhenTheBackplaneFails()
    {
        using var hub = new EventHub(new FailingBackplane());

        var publishing = hub.PublishAsync(SampleEvents.Message("general", 1), TestContext.Current.CancellationToken).AsTask();

        await Should.ThrowAsync<InvalidOperationException>(publishing);
    }

    private sealed class FailingBackplane : IEventBackplane
    {
        public IDisposable Connect(Action<IRealtimeEvent> receiver) => new CancellationTokenSource();

        public async ValueTask PublishAsync(IRealtimeEvent realtimeEvent, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            throw new InvalidOperationException("transport down");
        }
    }
}
