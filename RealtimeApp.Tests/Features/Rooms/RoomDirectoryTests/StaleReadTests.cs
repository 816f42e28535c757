using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Common;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Chat;
using RealtimeApp.Web.Features.Rooms;

namespace RealtimeApp.Tests.Features.Rooms.RoomDirectoryTests;

/// <summary>A change published while a post is between reading the database and caching what it read.</summary>
public sealed class StaleReadTests
{
    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task PostAsync_RefusesAsReadOnly_WhenRoomWasArchivedWhileAnEarlierPostWasReadingIt(DatabaseProvider engine)
    {
        var pause = new PausingQuery();
        await using var host = await ChatHost.StartAsync(engine, configureServices: pause.AddTo);
        var root = await host.CreateUserAsync("root", admin: true);
        var ana = await host.CreateUserAsync("ana");
        var dev = await host.CreateRoomAsync("dev");
        await host.AddMemberAsync(dev, ana);
        var chat = host.Get<ChatService>();
        pause.Arm("Rooms");
        var earlier = chat.PostAsync(ana, dev, "read before the archive", TestContext.Current.CancellationToken);
        await pause.WaitUntilPausedAsync();
        (await host.Get<RoomAdministration>().ArchiveAsync(root, dev, TestContext.Current.CancellationToken)).Failure.ShouldBeNull();
        pause.Release();
        await earlier;

        var later = await chat.PostAsync(ana, dev, "after the archive", TestContext.Current.CancellationToken);

        later.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Forbidden);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task PostAsync_RefusesAsForbidden_WhenMemberWasRemovedWhileAnEarlierPostWasCheckingThem(DatabaseProvider engine)
    {
        var pause = new PausingQuery();
        await using var host = await ChatHost.StartAsync(engine, configureServices: pause.AddTo);
        var root = await host.CreateUserAsync("root", admin: true);
        var ana = await host.CreateUserAsync("ana");
        var bob = await host.CreateUserAsync("bob");
        var secret = await host.CreateRoomAsync("secret", isPrivate: true);
        await host.AddMemberAsync(secret, ana);
        await host.AddMemberAsync(secret, bob);
        var chat = host.Get<ChatService>();
        pause.Arm("RoomMemberships");
        var earlier = chat.PostAsync(ana, secret, "checked before the removal", TestContext.Current.CancellationToken);
        await pause.WaitUntilPausedAsync();
        (await host.Get<RoomMembers>().RemoveAsync(root, secret, ana.UserId, TestContext.Current.CancellationToken)).Failure.ShouldBeNull();
        await host.PostAsync(bob, secret, "caches the room again");
        pause.Release();
        await earlier;

        var later = await chat.PostAsync(ana, secret, "after the removal", TestContext.Current.CancellationToken);

        later.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Forbidden);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task PostAsync_DoesNotRejoinThePrivateRoom_WhenMemberWasRemovedWhileThePostWasUnderWay(DatabaseProvider engine)
    {
        var pause = new PausingQuery();
        await using var host = await ChatHost.StartAsync(engine, configureServices: pause.AddTo);
        var root = await host.CreateUserAsync("root", admin: true);
        var ana = await host.CreateUserAsync("ana");
        var secret = await host.CreateRoomAsync("secret", isPrivate: true);
        await host.AddMemberAsync(secret, ana);
        pause.Arm("RoomMemberships");
        var posting = host.Get<ChatService>().PostAsync(ana, secret, "checked before the removal", TestContext.Current.CancellationToken);
        await pause.WaitUntilPausedAsync();
        (await host.Get<RoomMembers>().RemoveAsync(root, secret, ana.UserId, TestContext.Current.CancellationToken)).Failure.ShouldBeNull();

        pause.Release();
        await posting;

        await using var db = await host.OpenDbAsync();
        (await db.RoomMemberships.AnyAsync(m => m.RoomId == secret && m.UserId == ana.UserId, TestContext.Current.CancellationToken)).ShouldBeFalse();
    }
}
