using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Web.Features.Rooms;

namespace RealtimeApp.Tests.Features.Rooms.RoomDirectoryTests;

public sealed class CacheTests
{
    private static readonly Room Dev = new() { Id = "dev", Name = "dev" };

    [Fact]
    public void Find_ForgetsRoomAndMembers_WhenRoomChangedIsPublished()
    {
        using var hub = new EventHub();
        using var directory = new RoomDirectory(hub);
        directory.Remember(Dev, directory.Changes);
        directory.RememberMember(Dev.Id, "ana", directory.Changes);

        hub.Publish(new RoomChanged(Dev.Id, "dev", null, IsPrivate: false, IsArchived: true, RoomChangeKind.Archived));

        directory.Find(Dev.Id).ShouldBeNull();
        directory.IsKnownMember(Dev.Id, "ana").ShouldBeFalse();
    }

    [Fact]
    public void Find_ForgetsRoom_WhenMembershipChangedIsPublished()
    {
        using var hub = new EventHub();
        using var directory = new RoomDirectory(hub);
        directory.Remember(Dev, directory.Changes);
        directory.RememberMember(Dev.Id, "ana", directory.Changes);

        hub.Publish(new RoomMembershipChanged(Dev.Id, "ana", IsMember: false, nameof(RoomRole.Member)));

        directory.Find(Dev.Id).ShouldBeNull();
        directory.IsKnownMember(Dev.Id, "ana").ShouldBeFalse();
    }

    [Fact]
    public void Find_KeepsOtherRooms_WhenOneRoomChanges()
    {
        using var hub = new EventHub();
        using var directory = new RoomDirectory(hub);
        directory.Remember(Dev, directory.Changes);
        directory.Remember(new Room { Id = "ops", Name = "ops" }, directory.Changes);

        hub.Publish(new RoomChanged(Dev.Id, "dev", null, IsPrivate: false, IsArchived: false, RoomChangeKind.Updated));

        directory.Find("ops").ShouldNotBeNull();
    }

    [Fact]
    public void IsKnownMember_StaysFalse_WhenMemberIsRememberedForAnUnknownRoom()
    {
        using var hub = new EventHub();
        using var directory = new RoomDirectory(hub);

        directory.RememberMember(Dev.Id, "ana", directory.Changes);

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

    [Fact]
    public void Remember_KeepsNothing_WhenTheRoomChangedSinceTheRead()
    {
        using var hub = new EventHub();
        using var directory = new RoomDirectory(hub);
        var beforeRead = directory.Changes;

        hub.Publish(new RoomChanged(Dev.Id, "dev", null, IsPrivate: false, IsArchived: true, RoomChangeKind.Archived));
        directory.Remember(Dev, beforeRead);

        directory.Find(Dev.Id).ShouldBeNull();
    }

    [Fact]
    public void RememberMember_KeepsNothing_WhenMembershipChangedSinceTheRead()
    {
        using var hub = new EventHub();
        using var directory = new RoomDirectory(hub);
        var beforeRead = directory.Changes;

        hub.Publish(new RoomMembershipChanged(Dev.Id, "ana", IsMember: false, nameof(RoomRole.Member)));
        directory.Remember(Dev, directory.Changes);
        directory.RememberMember(Dev.Id, "ana", beforeRead);

        directory.IsKnownMember(Dev.Id, "ana").ShouldBeFalse();
    }
}
