using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Common;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Chat;

namespace RealtimeApp.Tests.Features.Chat.ChatServiceTests;

public sealed class PostAsyncAccessTests
{
    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task PostAsync_RefusesAsForbidden_WhenRoomIsPrivateAndActorIsNotMember(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var secret = await host.CreateRoomAsync("secret", isPrivate: true);

        var posted = await host.Get<ChatService>().PostAsync(ana, secret, "hello", TestContext.Current.CancellationToken);

        posted.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Forbidden);
        (await host.CountMessagesAsync(secret)).ShouldBe(0);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task PostAsync_StoresMessage_WhenRoomIsPrivateAndActorIsMember(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var secret = await host.CreateRoomAsync("secret", isPrivate: true);
        await host.AddMemberAsync(secret, ana);

        var posted = await host.Get<ChatService>().PostAsync(ana, secret, "hello", TestContext.Current.CancellationToken);

        posted.Failure.ShouldBeNull();
        (await host.CountMessagesAsync(secret)).ShouldBe(1);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task PostAsync_RefusesAsForbiddenReadOnly_WhenRoomIsArchived(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var old = await host.CreateRoomAsync("old");
        await host.AddMemberAsync(old, ana);
        await host.ArchiveAsync(old);

        var posted = await host.Get<ChatService>().PostAsync(ana, old, "hello", TestContext.Current.CancellationToken);

        var failure = posted.Failure.ShouldNotBeNull();
        failure.Kind.ShouldBe(FailureKind.Forbidden);
        failure.Message.ShouldContain("read-only");
        (await host.CountMessagesAsync(old)).ShouldBe(0);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task PostAsync_RefusesAsNotFound_WhenRoomDoesNotExist(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");

        var posted = await host.Get<ChatService>().PostAsync(ana, "nowhere", "hello", TestContext.Current.CancellationToken);

        posted.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.NotFound);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task PostAsync_JoinsRoom_WhenRoomIsPublicAndActorIsNotMember(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var lobby = await host.CreateRoomAsync("lobby");

        await host.PostAsync(ana, lobby, "hello");

        await using var db = await host.OpenDbAsync();
        var membership = await db.RoomMemberships.SingleAsync(m => m.RoomId == lobby && m.UserId == ana.UserId, TestContext.Current.CancellationToken);
        membership.Role.ShouldBe(RoomRole.Member);
    }
}
