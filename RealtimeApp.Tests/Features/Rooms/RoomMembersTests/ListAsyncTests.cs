using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Common;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Rooms;

namespace RealtimeApp.Tests.Features.Rooms.RoomMembersTests;

public sealed class ListAsyncTests
{
    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task ListAsync_ListsMembersByEmailWithRoles_WhenActorIsAdmin(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);
        var zoe = await host.CreateUserAsync("zoe");
        var ana = await host.CreateUserAsync("ana");
        await host.CreateUserAsync("bob");
        var dev = await host.CreateRoomAsync("dev");
        await host.AddMemberAsync(dev, zoe, RoomRole.Moderator);
        await host.AddMemberAsync(dev, ana);

        var members = await host.Get<RoomMembers>().ListAsync(root, dev, TestContext.Current.CancellationToken);

        members.Value.ShouldNotBeNull().ShouldBe(
        [
            new RoomMemberRow(ana.UserId, "ana@example.com", RoomRole.Member),
            new RoomMemberRow(zoe.UserId, "zoe@example.com", RoomRole.Moderator),
        ]);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task ListAsync_RefusesAsForbidden_WhenActorIsStaff(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var dev = await host.CreateRoomAsync("dev");
        await host.AddMemberAsync(dev, ana);

        var members = await host.Get<RoomMembers>().ListAsync(ana, dev, TestContext.Current.CancellationToken);

        members.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Forbidden);
    }
}
