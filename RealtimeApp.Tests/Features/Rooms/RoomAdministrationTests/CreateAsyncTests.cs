using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Rooms;

namespace RealtimeApp.Tests.Features.Rooms.RoomAdministrationTests;

public sealed class CreateAsyncTests
{
    private const string BadName = "A room name has 2 to 64 characters.";

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task CreateAsync_StoresTrimmedRoomUnderSlugId_WhenNameIsValid(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);

        var created = await host.Get<RoomAdministration>().CreateAsync(
            root, "  Release Train!  ", "  Ship it  ", isPrivate: true, TestContext.Current.CancellationToken);

        created.Failure.ShouldBeNull();
        await using var db = await host.OpenDbAsync();
        var room = await db.Rooms.SingleAsync(r => r.Id == "release-train", TestContext.Current.CancellationToken);
        room.Name.ShouldBe("Release Train!");
        room.Topic.ShouldBe("Ship it");
        room.IsPrivate.ShouldBeTrue();
        room.IsArchived.ShouldBeFalse();
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task CreateAsync_MakesCreatorTheOnlyModerator_WhenRoomIsCreated(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);

        var created = await host.Get<RoomAdministration>().CreateAsync(root, "Design", null, isPrivate: false, TestContext.Current.CancellationToken);

        await using var db = await host.OpenDbAsync();
        var membership = await db.RoomMemberships.SingleAsync(m => m.RoomId == created.Value!.Id, TestContext.Current.CancellationToken);
        membership.UserId.ShouldBe(root.UserId);
        membership.Role.ShouldBe(RoomRole.Moderator);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task CreateAsync_PublishesCreated_WhenRoomIsCreated(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);
        using var changes = new EventRecorder<RoomChanged>(host.Get<EventHub>(), Topics.Rooms);

        await host.Get<RoomAdministration>().CreateAsync(root, "Design", "Pixels", isPrivate: true, TestContext.Current.CancellationToken);

        changes.Events.ShouldHaveSingleItem().ShouldBe(new RoomChanged("design", "Design", "Pixels", IsPrivate: true, IsArchived: false, RoomChangeKind.Created));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" x ")]
    [InlineData("12345678901234567890123456789012345678901234567890123456789012345")]
    public async Task CreateAsync_RefusesAsInvalidWithTheRule_WhenNameLengthIsOutOfRange(string? name)
    {
        await using var host = await ChatHost.StartAsync();
        var root = await host.CreateUserAsync("root", admin: true);
        using var changes = new EventRecorder<RoomChanged>(host.Get<EventHub>(), Topics.Rooms);

        var created = await host.Get<RoomAdministration>().CreateAsync(root, name, null, isPrivate: false, TestContext.Current.CancellationToken);

        var failure = created.Failure.ShouldNotBeNull();
        failure.Kind.ShouldBe(FailureKind.Invalid);
        failure.Message.ShouldBe(BadName);
        await using var db = await host.OpenDbAsync();
        (await db.Rooms.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(1);
        changes.Events.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(ChatRules.MinRoomNameLength)]
    [InlineData(ChatRules.MaxRoomNameLength)]
    public async Task CreateAsync_AcceptsName_WhenLengthIsAtABound(int length)
    {
        await using var host = await ChatHost.StartAsync();
        var root = await host.CreateUserAsync("root", admin: true);

        var created = await host.Get<RoomAdministration>().CreateAsync(root, new string('n', length), null, isPrivate: false, TestContext.Current.CancellationToken);

        created.Failure.ShouldBeNull();
        created.Value.ShouldNotBeNull().Name.Length.ShouldBe(length);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task CreateAsync_RefusesAsInvalid_WhenTopicIsLongerThanTheLimit(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);

        var created = await host.Get<RoomAdministration>().CreateAsync(
            root, "Design", new string('t', ChatRules.MaxTopicLength + 1), isPrivate: false, TestContext.Current.CancellationToken);

        var failure = created.Failure.ShouldNotBeNull();
        failure.Kind.ShouldBe(FailureKind.Invalid);
        failure.Message.ShouldBe($"A topic has at most {ChatRules.MaxTopicLength} characters.");
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task CreateAsync_AcceptsTopic_WhenItHasExactlyTheLimit(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);

        var created = await host.Get<RoomAdministration>().CreateAsync(
            root, "Design", new string('t', ChatRules.MaxTopicLength), isPrivate: false, TestContext.Current.CancellationToken);

        created.Value.ShouldNotBeNull().Topic.ShouldNotBeNull().Length.ShouldBe(ChatRules.MaxTopicLength);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "general")]
    [InlineData(DatabaseProvider.Sqlite, "GENERAL")]
    [InlineData(DatabaseProvider.Sqlite, " General ")]
    [InlineData(DatabaseProvider.Postgres, "general")]
    [InlineData(DatabaseProvider.Postgres, "GENERAL")]
    [InlineData(DatabaseProvider.Postgres, " General ")]
    public async Task CreateAsync_RefusesAsConflict_WhenNameIsTakenIgnoringCase(DatabaseProvider engine, string name)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);
        using var changes = new EventRecorder<RoomChanged>(host.Get<EventHub>(), Topics.Rooms);

        var created = await host.Get<RoomAdministration>().CreateAsync(root, name, null, isPrivate: false, TestContext.Current.CancellationToken);

        created.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Conflict);
        changes.Events.ShouldBeEmpty();
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task CreateAsync_NumbersTheId_WhenAnotherNameHasTheSameSlug(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);
        var rooms = host.Get<RoomAdministration>();
        await rooms.CreateAsync(root, "Dev", null, isPrivate: false, TestContext.Current.CancellationToken);
        await rooms.CreateAsync(root, "Dev!", null, isPrivate: false, TestContext.Current.CancellationToken);

        var third = await rooms.CreateAsync(root, "Dev?", null, isPrivate: false, TestContext.Current.CancellationToken);

        third.Value.ShouldNotBeNull().Id.ShouldBe("dev-3");
        await using var db = await host.OpenDbAsync();
        (await db.Rooms.Where(r => r.Id.StartsWith("dev")).Select(r => r.Id).ToListAsync(TestContext.Current.CancellationToken))
            .ShouldBe(["dev", "dev-2", "dev-3"], ignoreOrder: true);
    }
}
