using Microsoft.Extensions.Time.Testing;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Web.Features.Rooms.Presence;

namespace RealtimeApp.Tests.Features.Rooms.Presence.TypingNotifierTests;

public sealed class TypingTests : IDisposable
{
    private readonly EventHub _hub = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero));
    private readonly List<TypingChanged> _published = [];
    private readonly IEventSubscription _recording;
    private readonly TypingNotifier _typing;

    public TypingTests()
    {
        _recording = _hub.SubscribeAll<TypingChanged>(_published.Add);
        _typing = new TypingNotifier(_hub, _time);
    }

    [Fact]
    public void Typing_PublishesOnce_WhenCalledAgainWithinTheThrottle()
    {
        var first = _typing.Typing("dev", "ana", "Ana");
        _time.Advance(TypingNotifier.Throttle - TimeSpan.FromMilliseconds(1));
        var second = _typing.Typing("dev", "ana", "Ana");

        (first, second).ShouldBe((true, false));
        _published.ShouldHaveSingleItem().ShouldBe(new TypingChanged("dev", "ana", "Ana", IsTyping: true));
    }

    [Fact]
    public void Typing_PublishesAgain_WhenTheThrottleHasPassed()
    {
        _typing.Typing("dev", "ana", "Ana");
        _time.Advance(TypingNotifier.Throttle);

        var again = _typing.Typing("dev", "ana", "Ana");

        again.ShouldBeTrue();
        _published.Count.ShouldBe(2);
    }

    [Fact]
    public void Typing_ThrottlesEachUserAndRoomApart_WhenOthersTypeAtTheSameTime()
    {
        _typing.Typing("dev", "ana", "Ana");

        var sent = new[] { _typing.Typing("dev", "bob", "Bob"), _typing.Typing("ops", "ana", "Ana") };

        sent.ShouldAllBe(went => went);
        _published.Select(e => (e.RoomId, e.UserId)).ShouldBe([("dev", "ana"), ("dev", "bob"), ("ops", "ana")]);
    }

    [Fact]
    public void Stopped_PublishesNotTypingOnce_WhenCalledTwice()
    {
        _typing.Typing("dev", "ana", "Ana");

        _typing.Stopped("dev", "ana", "Ana");
        _typing.Stopped("dev", "ana", "Ana");

        _published.ShouldBe([new TypingChanged("dev", "ana", "Ana", IsTyping: true), new TypingChanged("dev", "ana", "Ana", IsTyping: false)]);
    }

    [Fact]
    public void Stopped_PublishesNothing_WhenUserWasNotTyping()
    {
        _typing.Stopped("dev", "ana", "Ana");

        _published.ShouldBeEmpty();
    }

    [Fact]
    public void Typing_PublishesAtOnce_WhenUserStoppedWithinTheThrottle()
    {
        _typing.Typing("dev", "ana", "Ana");
        _typing.Stopped("dev", "ana", "Ana");

        var again = _typing.Typing("dev", "ana", "Ana");

        again.ShouldBeTrue();
        _published.Select(e => e.IsTyping).ShouldBe([true, false, true]);
    }

    public void Dispose()
    {
        _recording.Dispose();
        _hub.Dispose();
    }
}
