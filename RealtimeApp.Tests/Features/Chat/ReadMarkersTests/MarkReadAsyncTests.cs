using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Chat;
using RealtimeApp.Web.Features.Rooms;

namespace RealtimeApp.Tests.Features.Chat.ReadMarkersTests;

public sealed class MarkReadAsyncTests
{
    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task MarkReadAsync_LowersUnreadAndMentions_WhenMovingForward(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var bob = await host.CreateUserAsync("bob");
        var dev = await host.CreateRoomAsync("dev");
        await host.AddMemberAsync(dev, ana);
        await host.PostAsync(bob, dev, "@ana first");
        await host.PostAsync(bob, dev, "second");
        await host.PostAsync(bob, dev, "third");
        var rooms = host.Get<RoomService>();

        await host.Get<ReadMarkers>().MarkReadAsync(ana, dev, 2, TestContext.Current.CancellationToken);

        var summary = (await rooms.ListAsync(ana, TestContext.Current.CancellationToken)).Single(r => r.Id == dev);
        summary.Unread.ShouldBe(1);
        summary.UnreadMentions.ShouldBe(0);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task MarkReadAsync_KeepsTheLaterMarker_WhenAskedToMoveBackwards(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var bob = await host.CreateUserAsync("bob");
        var dev = await host.CreateRoomAsync("dev");
        await host.AddMemberAsync(dev, ana);
        await host.PostManyAsync(bob, dev, 5);
        var rooms = host.Get<RoomService>();
        await host.Get<ReadMarkers>().MarkReadAsync(ana, dev, 5, TestContext.Current.CancellationToken);

        await host.Get<ReadMarkers>().MarkReadAsync(ana, dev, 1, TestContext.Current.CancellationToken);

        var summary = (await rooms.ListAsync(ana, TestContext.Current.CancellationToken)).Single(r => r.Id == dev);
        summary.Unread.ShouldBe(0);
    }
}
