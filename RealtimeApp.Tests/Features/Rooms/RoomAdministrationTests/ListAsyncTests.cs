using RealtimeApp.Domain.Chat;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Rooms;

namespace RealtimeApp.Tests.Features.Rooms.RoomAdministrationTests;

public sealed class ListAsyncTests
{
    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task ListAsync_ListsEveryRoomWithMemberCounts_WhenActorIsAdmin(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);
        var ana = await host.CreateUserAsync("ana");
        var bob = await host.CreateUserAsync("bob");
        var secret = await host.CreateRoomAsync("secret", isPrivate: true);
        var dev = await host.CreateRoomAsync("dev");
        await host.AddMemberAsync(secret, ana);
        await host.AddMemberAsync(dev, ana);
        await host.AddMemberAsync(dev, bob);

        var rooms = await host.Get<RoomAdministration>().ListAsync(root, TestContext.Current.CancellationToken);

        rooms.Select(r => (r.Id, r.Members)).ShouldBe([(dev, 2), (Room.GeneralId, 0), (secret, 1)]);
        rooms.Single(r => r.Id == secret).IsPrivate.ShouldBeTrue();
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task ListAsync_PutsArchivedRoomsLast_WhenSomeAreArchived(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);
        var alpha = await host.CreateRoomAsync("alpha");
        await host.CreateRoomAsync("zulu");
        await host.ArchiveAsync(alpha);

        var rooms = await host.Get<RoomAdministration>().ListAsync(root, TestContext.Current.CancellationToken);

        rooms.Select(r => r.Id).ShouldBe([Room.GeneralId, "zulu", alpha]);
        rooms[^1].IsArchived.ShouldBeTrue();
    }
}
