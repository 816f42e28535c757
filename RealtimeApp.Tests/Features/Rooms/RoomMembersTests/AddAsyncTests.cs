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

public sealed class AddAsyncTests
{
    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task AddAsync_AddsMemberWithNothingUnread_WhenEmailMatchesIgnoringCase(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);
        var ana = await host.CreateUserAsync("ana");
        var bob = await host.CreateUserAsync("bob");
        var dev = await host.CreateRoomAsync("dev");
        await host.PostManyAsync(bob, dev, 3);

        var added = await host.Get<RoomMembers>().AddAsync(root, dev, "  ANA@Example.com ", RoomRole.Member, TestContext.Current.CancellationToken);

        added.Value.ShouldBe(new RoomMemberRow(ana.UserId, "ana@example.com", RoomRole.Member));
        await using var db = await host.OpenDbAsync();
        var membership = await db.RoomMemberships.SingleAsync(m => m.RoomId == dev && m.UserId == ana.UserId, TestContext.Current.CancellationToken);
        membership.Role.ShouldBe(RoomRole.Member);
        membership.LastReadSequence.ShouldBe(3);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task AddAsync_PublishesMembershipOnRoomTopicAndMembersChanged_WhenMemberIsAdded(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);
        var ana = await host.CreateUserAsync("ana");
        var secret = await host.CreateRoomAsync("secret", isPrivate: true);
        var hub = host.Get<EventHub>();
        using var memberships = new EventRecorder<RoomMembershipChanged>(hub, Topics.Room(secret));
        using var changes = new EventRecorder<RoomChanged>(hub, Topics.Rooms);

        await host.Get<RoomMembers>().AddAsync(root, secret, "ana@example.com", RoomRole.Moderator, TestContext.Current.CancellationToken);

        memberships.Events.ShouldHaveSingleItem().ShouldBe(new RoomMembershipChanged(secret, ana.UserId, IsMember: true, nameof(RoomRole.Moderator)));
        changes.Events.ShouldHaveSingleItem().Change.ShouldBe(RoomChangeKind.MembersChanged);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task AddAsync_ChangesRoleWithoutSecondMembership_WhenUserIsAlreadyMember(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);
        var ana = await host.CreateUserAsync("ana");
        var dev = await host.CreateRoomAsync("dev");
        await host.AddMemberAsync(dev, ana);
        using var memberships = new EventRecorder<RoomMembershipChanged>(host.Get<EventHub>(), Topics.Room(dev));

        var added = await host.Get<RoomMembers>().AddAsync(root, dev, "ana@example.com", RoomRole.Moderator, TestContext.Current.CancellationToken);

        added.Value.ShouldNotBeNull().Role.ShouldBe(RoomRole.Moderator);
        await using var db = await host.OpenDbAsync();
        var membership = await db.RoomMemberships.SingleAsync(m => m.RoomId == dev, TestContext.Current.CancellationToken);
        membership.Role.ShouldBe(RoomRole.Moderator);
        memberships.Events.ShouldHaveSingleItem().Role.ShouldBe(nameof(RoomRole.Moderator));
    }

    [Theory]
    [InlineData("nobody@example.com")]
    [InlineData(null)]
    public async Task AddAsync_RefusesAsNotFoundAndPublishesNothing_WhenEmailIsUnknown(string? email)
    {
        await using var host = await ChatHost.StartAsync();
        var root = await host.CreateUserAsync("root", admin: true);
        var dev = await host.CreateRoomAsync("dev");
        var hub = host.Get<EventHub>();
        using var memberships = new EventRecorder<RoomMembershipChanged>(hub, Topics.Room(dev));
        using var changes = new EventRecorder<RoomChanged>(hub, Topics.Rooms);

        var added = await host.Get<RoomMembers>().AddAsync(root, dev, email, RoomRole.Member, TestContext.Current.CancellationToken);

        added.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.NotFound);
        memberships.Events.ShouldBeEmpty();
        changes.Events.ShouldBeEmpty();
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task AddAsync_RefusesAsNotFound_WhenRoomDoesNotExist(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);
        await host.CreateUserAsync("ana");

        var added = await host.Get<RoomMembers>().AddAsync(root, "nowhere", "ana@example.com", RoomRole.Member, TestContext.Current.CancellationToken);

        added.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.NotFound);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task AddAsync_RefusesAsForbiddenAndAddsNobody_WhenActorIsStaff(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var bob = await host.CreateUserAsync("bob");
        await host.CreateUserAsync("ana");
        var secret = await host.CreateRoomAsync("secret", isPrivate: true);

        var added = await host.Get<RoomMembers>().AddAsync(bob, secret, "ana@example.com", RoomRole.Member, TestContext.Current.CancellationToken);

        added.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Forbidden);
        await using var db = await host.OpenDbAsync();
        (await db.RoomMemberships.AnyAsync(m => m.RoomId == secret, TestContext.Current.CancellationToken)).ShouldBeFalse();
    }
}
