using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Rooms;

namespace RealtimeApp.Tests.Features.Rooms.RoomMembersTests;

public sealed class RemoveAsyncTests
{
    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task RemoveAsync_RemovesMembershipAndPublishesBoth_WhenUserIsMember(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);
        var ana = await host.CreateUserAsync("ana");
        var secret = await host.CreateRoomAsync("secret", isPrivate: true);
        await host.AddMemberAsync(secret, ana, RoomRole.Moderator);
        var hub = host.Get<EventHub>();
        using var memberships = new EventRecorder<RoomMembershipChanged>(hub, Topics.Room(secret));
        using var changes = new EventRecorder<RoomChanged>(hub, Topics.Rooms);

        var removed = await host.Get<RoomMembers>().RemoveAsync(root, secret, ana.UserId, TestContext.Current.CancellationToken);

        removed.Value.ShouldBeTrue();
        await using var db = await host.OpenDbAsync();
        (await db.RoomMemberships.AnyAsync(m => m.RoomId == secret, TestContext.Current.CancellationToken)).ShouldBeFalse();
        memberships.Events.ShouldHaveSingleItem().ShouldBe(new RoomMembershipChanged(secret, ana.UserId, IsMember: false, nameof(RoomRole.Member)));
        changes.Events.ShouldHaveSingleItem().Change.ShouldBe(RoomChangeKind.MembersChanged);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task RemoveAsync_RefusesAsNotFoundAndPublishesNothing_WhenUserIsNotMember(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);
        var ana = await host.CreateUserAsync("ana");
        var dev = await host.CreateRoomAsync("dev");
        var hub = host.Get<EventHub>();
        using var memberships = new EventRecorder<RoomMembershipChanged>(hub, Topics.Room(dev));
        using var changes = new EventRecorder<RoomChanged>(hub, Topics.Rooms);

        var removed = await host.Get<RoomMembers>().RemoveAsync(root, dev, ana.UserId, TestContext.Current.CancellationToken);

        removed.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.NotFound);
        memberships.Events.ShouldBeEmpty();
        changes.Events.ShouldBeEmpty();
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task RemoveAsync_RefusesAsForbiddenAndKeepsMember_WhenActorIsStaff(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var bob = await host.CreateUserAsync("bob");
        var ana = await host.CreateUserAsync("ana");
        var dev = await host.CreateRoomAsync("dev");
        await host.AddMemberAsync(dev, ana);

        var removed = await host.Get<RoomMembers>().RemoveAsync(bob, dev, ana.UserId, TestContext.Current.CancellationToken);

        removed.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Forbidden);
        await using var db = await host.OpenDbAsync();
        (await db.RoomMemberships.AnyAsync(m => m.RoomId == dev && m.UserId == ana.UserId, TestContext.Current.CancellationToken)).ShouldBeTrue();
    }
}
