using RealtimeApp.Domain.Common;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Rooms;

namespace RealtimeApp.Tests.Features.Rooms.RoomServiceTests;

public sealed class JoinLeaveTests
{
    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task JoinAsync_MakesMemberWithNothingUnread_WhenRoomIsPublic(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var bob = await host.CreateUserAsync("bob");
        var dev = await host.CreateRoomAsync("dev");
        await host.PostManyAsync(bob, dev, 4);
        var rooms = host.Get<RoomService>();

        var joined = await rooms.JoinAsync(ana, dev, TestContext.Current.CancellationToken);

        joined.Value.ShouldNotBeNull().IsMember.ShouldBeTrue();
        var summary = (await rooms.ListAsync(ana, TestContext.Current.CancellationToken)).Single(r => r.Id == dev);
        summary.IsMember.ShouldBeTrue();
        summary.Unread.ShouldBe(0);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task JoinAsync_RefusesAsForbidden_WhenRoomIsPrivate(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var secret = await host.CreateRoomAsync("secret", isPrivate: true);

        var joined = await host.Get<RoomService>().JoinAsync(ana, secret, TestContext.Current.CancellationToken);

        joined.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Forbidden);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task LeaveAsync_RemovesMembership_WhenActorIsMember(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var dev = await host.CreateRoomAsync("dev");
        await host.AddMemberAsync(dev, ana);
        var rooms = host.Get<RoomService>();

        var left = await rooms.LeaveAsync(ana, dev, TestContext.Current.CancellationToken);

        left.Value.ShouldBeTrue();
        (await rooms.ListAsync(ana, TestContext.Current.CancellationToken)).Single(r => r.Id == dev).IsMember.ShouldBeFalse();
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task LeaveAsync_RefusesAsNotFound_WhenActorIsNotMember(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var dev = await host.CreateRoomAsync("dev");

        var left = await host.Get<RoomService>().LeaveAsync(ana, dev, TestContext.Current.CancellationToken);

        left.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.NotFound);
    }
}
