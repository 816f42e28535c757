using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Web.Features.Rooms.Presence;

namespace RealtimeApp.Tests.Features.Rooms.Presence.PresenceTrackerTests;

public sealed class EnterLeaveTests
{
    [Fact]
    public void Enter_PublishesOnlineOnce_WhenOneUserOpensTwoConnections()
    {
        using var hub = new EventHub();
        using var presence = new EventRecorder<PresenceChanged>(hub, Topics.Presence("dev"));
        var tracker = new PresenceTracker(hub);

        using var firstTab = tracker.Enter("dev", "ana", "Ana");
        using var secondTab = tracker.Enter("dev", "ana", "Ana");

        presence.Events.ShouldHaveSingleItem().ShouldBe(new PresenceChanged("dev", "ana", "Ana", IsOnline: true));
    }

    [Fact]
    public void Leave_PublishesNothing_WhenAnotherConnectionOfTheUserStays()
    {
        using var hub = new EventHub();
        var tracker = new PresenceTracker(hub);
        var firstTab = tracker.Enter("dev", "ana", "Ana");
        using var secondTab = tracker.Enter("dev", "ana", "Ana");
        using var presence = new EventRecorder<PresenceChanged>(hub, Topics.Presence("dev"));

        firstTab.Dispose();

        presence.Events.ShouldBeEmpty();
        tracker.Online("dev").ShouldHaveSingleItem().UserId.ShouldBe("ana");
    }

    [Fact]
    public void Leave_PublishesOffline_WhenTheLastConnectionLeaves()
    {
        using var hub = new EventHub();
        var tracker = new PresenceTracker(hub);
        var firstTab = tracker.Enter("dev", "ana", "Ana");
        var secondTab = tracker.Enter("dev", "ana", "Ana");
        using var presence = new EventRecorder<PresenceChanged>(hub, Topics.Presence("dev"));

        firstTab.Dispose();
        secondTab.Dispose();

        presence.Events.ShouldHaveSingleItem().ShouldBe(new PresenceChanged("dev", "ana", "Ana", IsOnline: false));
        tracker.Online("dev").ShouldBeEmpty();
    }

    [Fact]
    public void Dispose_CountsOnce_WhenAHandleIsDisposedTwice()
    {
        using var hub = new EventHub();
        var tracker = new PresenceTracker(hub);
        var firstTab = tracker.Enter("dev", "ana", "Ana");
        using var secondTab = tracker.Enter("dev", "ana", "Ana");
        using var presence = new EventRecorder<PresenceChanged>(hub, Topics.Presence("dev"));

        firstTab.Dispose();
        firstTab.Dispose();

        presence.Events.ShouldBeEmpty();
        tracker.Online("dev").ShouldHaveSingleItem().UserId.ShouldBe("ana");
    }

    [Fact]
    public void Leave_KeepsUserInOtherRooms_WhenLeavingOneRoom()
    {
        using var hub = new EventHub();
        var tracker = new PresenceTracker(hub);
        var dev = tracker.Enter("dev", "ana", "Ana");
        using var ops = tracker.Enter("ops", "ana", "Ana");

        dev.Dispose();

        tracker.Online("dev").ShouldBeEmpty();
        tracker.Online("ops").ShouldHaveSingleItem().UserId.ShouldBe("ana");
    }
}
