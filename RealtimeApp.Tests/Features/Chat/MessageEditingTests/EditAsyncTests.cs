using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Chat;

namespace RealtimeApp.Tests.Features.Chat.MessageEditingTests;

public sealed class EditAsyncTests
{
    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task EditAsync_ChangesTextMarksEditedAndPublishes_WhenActorIsAuthor(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var original = await host.PostAsync(ana, Room.GeneralId, "helo");
        using var edits = new EventRecorder<MessageEdited>(host.Get<EventHub>(), Topics.Room(Room.GeneralId));

        var edited = await host.Get<MessageEditing>().EditAsync(ana, Room.GeneralId, original.Sequence, "hello", TestContext.Current.CancellationToken);

        edited.Failure.ShouldBeNull();
        edited.Value!.Text.ShouldBe("hello");
        edited.Value.EditedAt.ShouldNotBeNull();
        await edits.WaitAsync();
        var published = edits.Events.ShouldHaveSingleItem();
        published.Sequence.ShouldBe(original.Sequence);
        published.Text.ShouldBe("hello");
        published.EditorId.ShouldBe(ana.UserId);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task EditAsync_RefusesAsForbiddenAndKeepsText_WhenActorIsNotAuthor(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var admin = await host.CreateUserAsync("root", admin: true);
        var original = await host.PostAsync(ana, Room.GeneralId, "mine");

        var edited = await host.Get<MessageEditing>().EditAsync(admin, Room.GeneralId, original.Sequence, "theirs", TestContext.Current.CancellationToken);

        edited.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Forbidden);
        var page = await host.Get<ChatHistory>().PageAsync(ana, Room.GeneralId, null, cancellationToken: TestContext.Current.CancellationToken);
        page.Value!.ShouldHaveSingleItem().Text.ShouldBe("mine");
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task EditAsync_RefusesAsInvalid_WhenNewTextIsBlank(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var original = await host.PostAsync(ana, Room.GeneralId, "mine");

        var edited = await host.Get<MessageEditing>().EditAsync(ana, Room.GeneralId, original.Sequence, "  ", TestContext.Current.CancellationToken);

        edited.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Invalid);
    }
}
