using RealtimeApp.Domain.Chat;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Rooms;

namespace RealtimeApp.Tests.Features.Rooms.RoomServiceTests;

public sealed class ListAsyncTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task ListAsync_CountsUnreadMessagesAndMentions_WhenOthersPostedSinceLastRead(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var bob = await host.CreateUserAsync("bob");
        var dev = await host.CreateRoomAsync("dev");
        await host.AddMemberAsync(dev, ana);
        await host.PostAsync(bob, dev, "morning");
        await host.PostAsync(bob, dev, "@ana can you look?");
        await host.PostAsync(bob, dev, "never mind");

        var rooms = await host.Get<RoomService>().ListAsync(ana, TestContext.Current.CancellationToken);

        var summary = rooms.Single(r => r.Id == dev);
        summary.IsMember.ShouldBeTrue();
        summary.LastSequence.ShouldBe(3);
        summary.Unread.ShouldBe(3);
        summary.UnreadMentions.ShouldBe(1);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task ListAsync_ShowsNoUnread_WhenActorIsNotMember(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var bob = await host.CreateUserAsync("bob");
        var dev = await host.CreateRoomAsync("dev");
        await host.PostAsync(bob, dev, "@ana hello");

        var rooms = await host.Get<RoomService>().ListAsync(ana, TestContext.Current.CancellationToken);

        var summary = rooms.Single(r => r.Id == dev);
        summary.IsMember.ShouldBeFalse();
        summary.Unread.ShouldBe(0);
        summary.UnreadMentions.ShouldBe(0);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task ListAsync_PutsMemberRoomsFirstThenLatestActivity_WhenRoomsDiffer(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var quiet = await host.CreateRoomAsync("quiet", lastActivityAt: Start);
        var busy = await host.CreateRoomAsync("busy", lastActivityAt: Start.AddHours(2));
        var open = await host.CreateRoomAsync("open", lastActivityAt: Start.AddHours(3));
        await host.AddMemberAsync(quiet, ana);
        await host.AddMemberAsync(busy, ana);

        var rooms = await host.Get<RoomService>().ListAsync(ana, TestContext.Current.CancellationToken);

        rooms.Select(r => r.Id).ShouldBe([busy, quiet, open, Room.GeneralId]);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task ListAsync_HidesArchivedRoomsAndOthersPrivateRooms_WhenListing(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var old = await host.CreateRoomAsync("old");
        var secret = await host.CreateRoomAsync("secret", isPrivate: true);
        var mine = await host.CreateRoomAsync("mine", isPrivate: true);
        await host.AddMemberAsync(old, ana);
        await host.AddMemberAsync(mine, ana);
        await host.ArchiveAsync(old);

        var rooms = await host.Get<RoomService>().ListAsync(ana, TestContext.Current.CancellationToken);

        rooms.Select(r => r.Id).ShouldBe([mine, Room.GeneralId], ignoreOrder: true);
        rooms.ShouldNotContain(r => r.Id == secret || r.Id == old);
    }
}
