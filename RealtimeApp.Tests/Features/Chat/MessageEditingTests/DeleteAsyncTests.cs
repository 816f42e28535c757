using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Chat;

namespace RealtimeApp.Tests.Features.Chat.MessageEditingTests;

public sealed class DeleteAsyncTests
{
    public enum Deleter
    {
        Author,
        Admin,
        Moderator,
    }

    [Theory]
    [InlineData(Deleter.Author)]
    [InlineData(Deleter.Admin)]
    [InlineData(Deleter.Moderator)]
    public async Task DeleteAsync_DeletesAndPublishes_WhenActorMayDelete(Deleter who)
    {
        await using var host = await ChatHost.StartAsync();
        var ana = await host.CreateUserAsync("ana");
        var room = await host.CreateRoomAsync("dev");
        var message = await host.PostAsync(ana, room, "oops");
        var deleter = await DeleterAsync(host, room, ana, who);
        using var deletions = new EventRecorder<MessageDeleted>(host.Get<EventHub>(), Topics.Room(room));

        var deleted = await host.Get<MessageEditing>().DeleteAsync(deleter, room, message.Sequence, TestContext.Current.CancellationToken);

        deleted.Failure.ShouldBeNull();
        deleted.Value!.IsDeleted.ShouldBeTrue();
        await deletions.WaitAsync();
        var published = deletions.Events.ShouldHaveSingleItem();
        published.Sequence.ShouldBe(message.Sequence);
        published.DeletedBy.ShouldBe(deleter.UserId);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task DeleteAsync_RefusesAsForbidden_WhenActorIsAnotherMember(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var bob = await host.CreateUserAsync("bob");
        var room = await host.CreateRoomAsync("dev");
        await host.AddMemberAsync(room, bob);
        var message = await host.PostAsync(ana, room, "mine");

        var deleted = await host.Get<MessageEditing>().DeleteAsync(bob, room, message.Sequence, TestContext.Current.CancellationToken);

        deleted.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Forbidden);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task PageAsync_ShowsEmptyTextAndIsDeleted_WhenMessageWasDeleted(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var message = await host.PostAsync(ana, Room.GeneralId, "secret @ana");
        await host.Get<MessageEditing>().DeleteAsync(ana, Room.GeneralId, message.Sequence, TestContext.Current.CancellationToken);

        var page = await host.Get<ChatHistory>().PageAsync(ana, Room.GeneralId, null, cancellationToken: TestContext.Current.CancellationToken);

        var shown = page.Value!.ShouldHaveSingleItem();
        shown.IsDeleted.ShouldBeTrue();
        shown.Text.ShouldBeEmpty();
        shown.Mentions.ShouldBeEmpty();
        shown.Sequence.ShouldBe(message.Sequence);
    }

    private static async Task<Actor> DeleterAsync(ChatHost host, string room, Actor author, Deleter who)
    {
        switch (who)
        {
            case Deleter.Admin:
                return await host.CreateUserAsync("root", admin: true);
            case Deleter.Moderator:
                var moderator = await host.CreateUserAsync("mod");
                await host.AddMemberAsync(room, moderator, RoomRole.Moderator);
                return moderator;
            default:
                return author;
        }
    }
}
