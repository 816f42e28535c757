using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;

namespace RealtimeApp.Tests.Domain.Realtime;

public sealed class EventHubDeliveryTests : IDisposable
{
    private readonly EventHub _hub = new();

    public void Dispose() => _hub.Dispose();

    [Fact]
    public void Publish_DeliversOnlyToThatTopic_WhenOtherTopicsHaveSubscribers()
    {
        var general = new List<long>();
        var random = new List<long>();
        _hub.Subscribe<MessagePosted>(Topics.Room("general"), e => general.Add(e.Sequence));
        _hub.Subscribe<MessagePosted>(Topics.Room("random"), e => random.Add(e.Sequence));

        _hub.Publish(SampleEvents.Message("general", 1));
        _hub.Publish(SampleEvents.Message("general", 2));

        general.ShouldBe([1, 2]);
        random.ShouldBeEmpty();
    }

    [Fact]
    public void Publish_DeliversOnlyMatchingTypes_WhenOneTopicCarriesSeveralTypes()
    {
        var posted = 0;
        var all = new List<IRealtimeEvent>();
        _hub.Subscribe<MessagePosted>(Topics.Room("general"), _ => posted++);
        _hub.Subscribe<IRealtimeEvent>(Topics.Room("general"), all.Add);
        var deleted = SampleEvents.All.OfType<MessageDeleted>().Single();

        _hub.Publish(SampleEvents.Message("general", 1));
        _hub.Publish(deleted);

        posted.ShouldBe(1);
        all.Count.ShouldBe(2);
        all[1].ShouldBeSameAs(deleted);
    }

    [Fact]
    public void SubscribeAll_ReceivesAcrossTopics_WhenEventsOfTheTypeArePublishedAnywhere()
    {
        var rooms = new List<string>();
        var everything = 0;
        _hub.SubscribeAll<MessagePosted>(e => rooms.Add(e.RoomId));
        _hub.SubscribeAll<IRealtimeEvent>(_ => everything++);

        _hub.Publish(SampleEvents.Message("general", 1));
        _hub.Publish(SampleEvents.Message("random", 1));
        _hub.Publish(SampleEvents.Progress("task-1", 1));

        rooms.ShouldBe(["general", "random"]);
        everything.ShouldBe(3);
    }

    [Fact]
    public void SubscribeAll_Throws_WhenTheTypeIsNotSealed()
    {
        var subscribing = () => _hub.SubscribeAll<IUnsealedEvent>(_ => { });

        subscribing.ShouldThrow<ArgumentException>();
    }

    [Fact]
    public void Publish_IsolatesThrowingHandler_WhenOthersShareTheTopic()
    {
        var errors = new List<Exception>();
        var delivered = 0;
        var thrower = _hub.Subscribe<MessagePosted>(
            Topics.Room("general"), _ => throw new InvalidOperationException("boom"), new() { OnError = errors.Add });
        _hub.Subscribe<MessagePosted>(Topics.Room("general"), _ => delivered++);

        _hub.Publish(SampleEvents.Message("general", 1));
        _hub.Publish(SampleEvents.Message("general", 2));

        delivered.ShouldBe(2);
        errors.Count.ShouldBe(2);
        errors[0].Message.ShouldBe("boom");
        thrower.IsActive.ShouldBeTrue();
    }

    [Fact]
    public void Dispose_StopsDeliveryAtOnce_WhenCalledFromAHandlerDuringDelivery()
    {
        var received = new Dictionary<string, int> { ["a"] = 0, ["b"] = 0, ["c"] = 0 };
        IEventSubscription? a = null;
        IEventSubscription? b = null;
        a = _hub.Subscribe<MessagePosted>(Topics.Room("general"), _ =>
        {
            received["a"]++;
            b!.Dispose();
            a!.Dispose();
            a.Dispose();
        });
        b = _hub.Subscribe<MessagePosted>(Topics.Room("general"), _ => received["b"]++);
        _hub.Subscribe<MessagePosted>(Topics.Room("general"), _ => received["c"]++);

        _hub.Publish(SampleEvents.Message("general", 1));
        _hub.Publish(SampleEvents.Message("general", 2));

        received.ShouldBe(new Dictionary<string, int> { ["a"] = 1, ["b"] = 0, ["c"] = 2 });
        _hub.SubscriberCountFor(Topics.Room("general")).ShouldBe(1);
        _hub.SubscriberCount.ShouldBe(1);
        a.Completion.IsCompletedSuccessfully.ShouldBeTrue();
    }

    [Fact]
    public void Publish_DeliversNestedEventAfterTheCurrentOne_WhenAHandlerPublishes()
    {
        var first = new List<long>();
        var second = new List<long>();
        _hub.Subscribe<MessagePosted>(Topics.Room("general"), e =>
        {
            first.Add(e.Sequence);
            if (e.Sequence == 1)
            {
                _hub.Publish(SampleEvents.Message("general", 2));
            }
        });
        _hub.Subscribe<MessagePosted>(Topics.Room("general"), e => second.Add(e.Sequence));

        _hub.Publish(SampleEvents.Message("general", 1));

        first.ShouldBe([1, 2]);
        second.ShouldBe([1, 2]);
    }

    [Fact]
    public void SubscriberCountFor_DropsToZero_WhenTheLastSubscriberLeaves()
    {
        var one = _hub.Subscribe<MessagePosted>(Topics.Room("general"), _ => { });
        var two = _hub.Subscribe<MessagePosted>(Topics.Room("general"), _ => { });

        one.Dispose();
        two.Dispose();

        _hub.SubscriberCountFor(Topics.Room("general")).ShouldBe(0);
        _hub.SubscriberCount.ShouldBe(0);
    }

    private interface IUnsealedEvent : IRealtimeEvent;
}
