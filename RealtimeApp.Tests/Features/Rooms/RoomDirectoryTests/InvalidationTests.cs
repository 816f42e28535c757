using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Common;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Chat;
using RealtimeApp.Web.Features.Rooms;

namespace RealtimeApp.Tests.Features.Rooms.RoomDirectoryTests;

/// <summary>The directory behind <see cref="RoomAccess"/> as posting sees it: cached answers end with the event that changes them.</summary>
public sealed class InvalidationTests
{
    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task PostAsync_RefusesAsReadOnly_WhenCachedRoomIsArchivedThroughAdministration(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);
        var ana = await host.CreateUserAsync("ana");
        var dev = await host.CreateRoomAsync("dev");
        await host.AddMemberAsync(dev, ana);
        await host.PostAsync(ana, dev, "before");
        var directory = host.Get<RoomDirectory>();
        directory.Find(dev).ShouldNotBeNull();

        (await host.Get<RoomAdministration>().ArchiveAsync(root, dev, TestContext.Current.CancellationToken)).Failure.ShouldBeNull();
        var posted = await host.Get<ChatService>().PostAsync(ana, dev, "after", TestContext.Current.CancellationToken);

        var failure = posted.Failure.ShouldNotBeNull();
        failure.Kind.ShouldBe(FailureKind.Forbidden);
        failure.Message.ShouldContain("read-only");
        (await host.CountMessagesAsync(dev)).ShouldBe(1);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task PostAsync_Succeeds_WhenCachedArchivedRoomIsRestored(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);
        var ana = await host.CreateUserAsync("ana");
        var dev = await host.CreateRoomAsync("dev");
        var administration = host.Get<RoomAdministration>();
        await administration.ArchiveAsync(root, dev, TestContext.Current.CancellationToken);
        (await host.Get<ChatService>().PostAsync(ana, dev, "refused", TestContext.Current.CancellationToken)).Failure.ShouldNotBeNull();

        await administration.RestoreAsync(root, dev, TestContext.Current.CancellationToken);
        var posted = await host.Get<ChatService>().PostAsync(ana, dev, "back", TestContext.Current.CancellationToken);

        posted.Failure.ShouldBeNull();
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task PostAsync_RefusesAsForbidden_WhenCachedMemberIsRemovedFromPrivateRoom(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);
        var ana = await host.CreateUserAsync("ana");
        var secret = await host.CreateRoomAsync("secret", isPrivate: true);
        await host.AddMemberAsync(secret, ana);
        await host.PostAsync(ana, secret, "before");
        host.Get<RoomDirectory>().IsKnownMember(secret, ana.UserId).ShouldBeTrue();

        (await host.Get<RoomMembers>().RemoveAsync(root, secret, ana.UserId, TestContext.Current.CancellationToken)).Failure.ShouldBeNull();
        var posted = await host.Get<ChatService>().PostAsync(ana, secret, "after", TestContext.Current.CancellationToken);

        posted.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Forbidden);
        (await host.CountMessagesAsync(secret)).ShouldBe(1);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task PostAsync_Succeeds_WhenUserIsAddedThroughRoomMembersAfterARefusedPost(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);
        var ana = await host.CreateUserAsync("ana");
        var secret = await host.CreateRoomAsync("secret", isPrivate: true);
        var chat = host.Get<ChatService>();
        (await chat.PostAsync(ana, secret, "refused", TestContext.Current.CancellationToken)).Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Forbidden);

        await host.Get<RoomMembers>().AddAsync(root, secret, "ana@example.com", RoomRole.Member, TestContext.Current.CancellationToken);
        var posted = await chat.PostAsync(ana, secret, "let in", TestContext.Current.CancellationToken);

        posted.Failure.ShouldBeNull();
        (await host.CountMessagesAsync(secret)).ShouldBe(1);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task PostAsync_Succeeds_WhenMembershipAppearsWithoutAnEventAfterARefusedPost(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var secret = await host.CreateRoomAsync("secret", isPrivate: true);
        var chat = host.Get<ChatService>();
        (await chat.PostAsync(ana, secret, "refused", TestContext.Current.CancellationToken)).Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Forbidden);
        host.Get<RoomDirectory>().Find(secret).ShouldNotBeNull();

        await host.AddMemberAsync(secret, ana);
        var posted = await chat.PostAsync(ana, secret, "let in", TestContext.Current.CancellationToken);

        posted.Failure.ShouldBeNull();
    }
}
