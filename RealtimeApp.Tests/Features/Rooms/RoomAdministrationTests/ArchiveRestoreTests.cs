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

public sealed class ArchiveRestoreTests
{
    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task ArchiveAsync_ArchivesAndPublishesArchived_WhenRoomIsActive(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);
        var dev = await host.CreateRoomAsync("dev");
        using var changes = new EventRecorder<RoomChanged>(host.Get<EventHub>(), Topics.Rooms);

        var archived = await host.Get<RoomAdministration>().ArchiveAsync(root, dev, TestContext.Current.CancellationToken);

        archived.Value.ShouldNotBeNull().IsArchived.ShouldBeTrue();
        var change = changes.Events.ShouldHaveSingleItem();
        change.Change.ShouldBe(RoomChangeKind.Archived);
        change.IsArchived.ShouldBeTrue();
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task RestoreAsync_UnarchivesAndPublishesUnarchived_WhenRoomIsArchived(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);
        var old = await host.CreateRoomAsync("old");
        await host.ArchiveAsync(old);
        using var changes = new EventRecorder<RoomChanged>(host.Get<EventHub>(), Topics.Rooms);

        var restored = await host.Get<RoomAdministration>().RestoreAsync(root, old, TestContext.Current.CancellationToken);

        restored.Value.ShouldNotBeNull().IsArchived.ShouldBeFalse();
        await using var db = await host.OpenDbAsync();
        (await db.Rooms.SingleAsync(r => r.Id == old, TestContext.Current.CancellationToken)).IsArchived.ShouldBeFalse();
        var change = changes.Events.ShouldHaveSingleItem();
        change.Change.ShouldBe(RoomChangeKind.Unarchived);
        change.IsArchived.ShouldBeFalse();
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task ArchiveAsync_RefusesAsInvalid_WhenRoomIsGeneral(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);
        using var changes = new EventRecorder<RoomChanged>(host.Get<EventHub>(), Topics.Rooms);

        var archived = await host.Get<RoomAdministration>().ArchiveAsync(root, Room.GeneralId, TestContext.Current.CancellationToken);

        archived.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Invalid);
        await using var db = await host.OpenDbAsync();
        (await db.Rooms.SingleAsync(r => r.Id == Room.GeneralId, TestContext.Current.CancellationToken)).IsArchived.ShouldBeFalse();
        changes.Events.ShouldBeEmpty();
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task ArchiveAsync_RefusesAsNotFound_WhenRoomDoesNotExist(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);

        var archived = await host.Get<RoomAdministration>().ArchiveAsync(root, "nowhere", TestContext.Current.CancellationToken);

        archived.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.NotFound);
    }
}
