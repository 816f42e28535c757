using RealtimeApp.Domain.Realtime;
using RealtimeApp.Web.Features.Rooms.Presence;

namespace RealtimeApp.Tests.Features.Rooms.Presence.PresenceTrackerTests;

public sealed class OnlineTests
{
    [Fact]
    public void Online_ListsMembersSortedByNameIgnoringCase_WhenSeveralAreIn()
    {
        using var hub = new EventHub();
        var tracker = new PresenceTracker(hub);
        using var zoe = tracker.Enter("dev", "u3", "zoe");
        using var ana = tracker.Enter("dev", "u1", "Ana");
        using var bob = tracker.Enter("dev", "u2", "bob");
        using var elsewhere = tracker.Enter("ops", "u4", "carl");

        var online = tracker.Online("dev");

        online.ShouldBe([new PresenceMember("u1", "Ana"), new PresenceMember("u2", "bob"), new PresenceMember("u3", "zoe")]);
    }

    [Fact]
    public void Online_IsEmpty_WhenNobodyEnteredTheRoom()
    {
        using var hub = new EventHub();
        var tracker = new PresenceTracker(hub);

        var online = tracker.Online("dev");

        online.ShouldBeEmpty();
    }
}
