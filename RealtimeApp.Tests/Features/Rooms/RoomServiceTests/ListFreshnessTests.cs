using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Chat;
using RealtimeApp.Web.Features.Rooms;

namespace RealtimeApp.Tests.Features.Rooms.RoomServiceTests;

/// <summary>
/// Room lists are kept between calls (<see cref="RoomListCache"/>), yet a list asked for after any change made through
/// the app shows that change: each test lists once, changes something, and lists again.
/// </summary>
public sealed class ListFreshnessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task List_CountsANewMessageAndMention_AfterItWasListedBefore(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var (ana, bob, dev) = await MembersOfDevAsync(host);
        await ListAsync(host, ana);

        await host.PostAsync(bob, dev, "@ana look");

        var summary = (await ListAsync(host, ana)).Single(r => r.Id == dev);
        summary.Unread.ShouldBe(1);
        summary.UnreadMentions.ShouldBe(1);
        summary.LastSequence.ShouldBe(1);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task List_DropsTheUnread_OnceTheReaderMarksThemRead(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var (ana, bob, dev) = await MembersOfDevAsync(host);
        await host.PostManyAsync(bob, dev, 3);
        (await ListAsync(host, ana)).Single(r => r.Id == dev).Unread.ShouldBe(3);

        await host.Get<ReadMarkers>().MarkReadAsync(ana, dev, 3, Ct);

        (await ListAsync(host, ana)).Single(r => r.Id == dev).Unread.ShouldBe(0);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task List_ForgetsAMention_OnceItIsEditedAway(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var (ana, bob, dev) = await MembersOfDevAsync(host);
        var posted = await host.PostAsync(bob, dev, "@ana look");
        (await ListAsync(host, ana)).Single(r => r.Id == dev).UnreadMentions.ShouldBe(1);

        (await host.Get<MessageEditing>().EditAsync(bob, dev, posted.Sequence, "never mind", Ct)).Failure.ShouldBeNull();

        (await ListAsync(host, ana)).Single(r => r.Id == dev).UnreadMentions.ShouldBe(0);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task List_ShowsARoomCreatedSince_AndHidesAPrivateRoomTheUserWasRemovedFrom(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);
        var ana = await host.CreateUserAsync("ana");
        var secret = await host.CreateRoomAsync("secret", isPrivate: true);
        await host.AddMemberAsync(secret, ana);
        (await ListAsync(host, ana)).Select(r => r.Id).ShouldContain(secret);

        var created = await host.Get<RoomAdministration>().CreateAsync(root, "Ops", topic: null, isPrivate: false, Ct);
        (await host.Get<RoomMembers>().RemoveAsync(root, secret, ana.UserId, Ct)).Failure.ShouldBeNull();

        var ids = (await ListAsync(host, ana)).Select(r => r.Id).ToList();
        ids.ShouldContain(created.Value!.Id);
        ids.ShouldNotContain(secret);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task List_IsTheReadersOwn_WhenTwoUsersListTheSameRooms(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var (ana, bob, dev) = await MembersOfDevAsync(host);
        await host.PostAsync(bob, dev, "@ana look");

        var anas = (await ListAsync(host, ana)).Single(r => r.Id == dev);
        var bobs = (await ListAsync(host, bob)).Single(r => r.Id == dev);

        anas.UnreadMentions.ShouldBe(1);
        bobs.UnreadMentions.ShouldBe(0);
    }

    private static async Task<(Actor Ana, Actor Bob, string Dev)> MembersOfDevAsync(ChatHost host)
    {
        var ana = await host.CreateUserAsync("ana");
        var bob = await host.CreateUserAsync("bob");
        var dev = await host.CreateRoomAsync("dev");
        await host.AddMemberAsync(dev, ana);
        await host.AddMemberAsync(dev, bob, RoomRole.Member);
        return (ana, bob, dev);
    }

    private static Task<IReadOnlyList<RoomSummary>> ListAsync(ChatHost host, Actor actor) => host.Get<RoomService>().ListAsync(actor, Ct);
}
