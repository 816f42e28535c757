using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Chat;

namespace RealtimeApp.Tests.Features.Chat.ChatHistoryTests;

public sealed class AfterAsyncTests
{
    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task AfterAsync_ReturnsLaterMessagesOldestFirst_WhenGivenASequence(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var room = await host.CreateRoomAsync("dev");
        await host.PostManyAsync(ana, room, 10);

        var after = await host.Get<ChatHistory>().AfterAsync(room, 7, limit: 100, TestContext.Current.CancellationToken);

        after.Select(m => m.Sequence).ShouldBe([8L, 9L, 10L]);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task AfterAsync_StopsAtLimit_WhenMoreMessagesFollow(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var room = await host.CreateRoomAsync("dev");
        await host.PostManyAsync(ana, room, 10);

        var after = await host.Get<ChatHistory>().AfterAsync(room, 2, limit: 3, TestContext.Current.CancellationToken);

        after.Select(m => m.Sequence).ShouldBe([3L, 4L, 5L]);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task AfterAsync_ReturnsNothing_WhenCursorIsTheLatestSequence(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var room = await host.CreateRoomAsync("dev");
        await host.PostManyAsync(ana, room, 3);

        var after = await host.Get<ChatHistory>().AfterAsync(room, 3, limit: 100, TestContext.Current.CancellationToken);

        after.ShouldBeEmpty();
    }
}
