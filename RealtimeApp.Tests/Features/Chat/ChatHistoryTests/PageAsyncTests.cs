using RealtimeApp.Domain.Common;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Chat;

namespace RealtimeApp.Tests.Features.Chat.ChatHistoryTests;

public sealed class PageAsyncTests
{
    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task PageAsync_ReturnsNewestFiftyOldestFirst_WhenNoCursorIsGiven(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var room = await host.CreateRoomAsync("dev");
        await host.PostManyAsync(ana, room, 120);

        var page = await host.Get<ChatHistory>().PageAsync(ana, room, beforeSequence: null, cancellationToken: TestContext.Current.CancellationToken);

        page.Value!.Select(m => m.Sequence).ShouldBe(SequenceRange.Of(71, 120));
        page.Value![^1].Text.ShouldBe("message 120");
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task PageAsync_ReturnsEveryMessageOnceWithoutGaps_WhenPagingBackwardsToTheStart(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var room = await host.CreateRoomAsync("dev");
        await host.PostManyAsync(ana, room, 120);
        var history = host.Get<ChatHistory>();

        var newest = await history.PageAsync(ana, room, null, cancellationToken: TestContext.Current.CancellationToken);
        var middle = await history.PageAsync(ana, room, newest.Value![0].Sequence, cancellationToken: TestContext.Current.CancellationToken);
        var oldest = await history.PageAsync(ana, room, middle.Value![0].Sequence, cancellationToken: TestContext.Current.CancellationToken);

        middle.Value!.Select(m => m.Sequence).ShouldBe(SequenceRange.Of(21, 70));
        oldest.Value!.Select(m => m.Sequence).ShouldBe(SequenceRange.Of(1, 20));
        oldest.Value!.Concat(middle.Value!).Concat(newest.Value!).Select(m => m.Sequence).ShouldBe(SequenceRange.Of(1, 120));
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task PageAsync_RefusesAsForbidden_WhenRoomIsPrivateAndActorIsNotMember(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var bob = await host.CreateUserAsync("bob");
        var secret = await host.CreateRoomAsync("secret", isPrivate: true);
        await host.AddMemberAsync(secret, ana);
        await host.PostAsync(ana, secret, "for members only");

        var page = await host.Get<ChatHistory>().PageAsync(bob, secret, null, cancellationToken: TestContext.Current.CancellationToken);

        page.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Forbidden);
    }
}
