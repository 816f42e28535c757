using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Web.Features.Chat;

namespace RealtimeApp.Tests.Features.Chat.RoomDirectoryTests;

public sealed class CacheTests
{
    private static readonly Room Dev = new() { Id = "dev", Name = "dev" };

    [Fact]
    public void Find_ForgetsRoomAndMembers_WhenRoomChangedIsPublished()
    {
        using var hub = new EventHub();
        using var directory = new RoomDirectory(hub);
        directory.Remember(Dev);
        directory.RememberMember(Dev.Id, "ana");

        hub.Publish(new RoomChanged(Dev.Id, "dev", null, IsPrivate: false, IsArchived: true, RoomChangeKind.Archived));

        directory.Find(Dev.Id).ShouldBeNull();
        directory.IsKnownMember(Dev.Id, "ana").ShouldBeFalse();
    }

    [Fact]
    public void Find_ForgetsRoom_WhenMembershipChangedIsPublished()
    {
        using var hub = new EventHub();
        using var directory = new RoomDirectory(hub);
        directory.Remember(Dev);
        directory.RememberMember(Dev.Id, "ana");

        hub.Publish(new RoomMembershipChanged(Dev.Id, "ana", IsMember: false, nameof(RoomRole.Member)));

        directory.Find(Dev.Id).ShouldBeNull();
        directory.IsKnownMember(Dev.Id, "ana").ShouldBeFalse();
    }

    [Fact]
    public void Find_KeepsOtherRooms_WhenOneRoomChanges()
    {
        using var hub = new EventHub();
        using var directory = new RoomDirectory(hub);
        directory.Remember(Dev);
        directory.Remember(new Room { Id = "ops", Name = "ops" });

        hub.Publish(new RoomChanged(Dev.Id, "dev", null, IsPrivate: false, IsArchived: false, RoomChangeKind.Updated));

        directory.Find("ops").ShouldNotBeNull();
    }

    [Fact]
    public void IsKnownMember_StaysFalse_WhenMemberIsRememberedForAnUnknownRoom()
    {
        using var hub = new EventHub();
        using var directory = new RoomDirectory(hub);

        directory.RememberMember(Dev.Id, "ana");

        directory.IsKnownMember(Dev.Id, "ana").ShouldBeFalse();
    }

    [Fact]
    public void Dispose_StopsFollowingTheHub_WhenDirectoryIsDisposed()
    {
        using var hub = new EventHub();
        var directory = new RoomDirectory(hub);

        directory.Dispose();

        hub.SubscriberCountForType<RoomChanged>().ShouldBe(0);
        hub.SubscriberCountForType<RoomMembershipChanged>().ShouldBe(0);
    }
}
