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

public sealed class AuthorizationTests
{
    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task CreateAsync_RefusesAsForbiddenAndCreatesNothing_WhenActorIsStaff(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        using var changes = new EventRecorder<RoomChanged>(host.Get<EventHub>(), Topics.Rooms);

        var created = await host.Get<RoomAdministration>().CreateAsync(ana, "Design", null, isPrivate: false, TestContext.Current.CancellationToken);

        created.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Forbidden);
        await using var db = await host.OpenDbAsync();
        (await db.Rooms.AnyAsync(r => r.Name == "Design", TestContext.Current.CancellationToken)).ShouldBeFalse();
        changes.Events.ShouldBeEmpty();
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task UpdateAsync_RefusesAsForbiddenAndLeavesRoom_WhenActorIsStaff(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var dev = await host.CreateRoomAsync("dev");
        using var changes = new EventRecorder<RoomChanged>(host.Get<EventHub>(), Topics.Rooms);

        var updated = await host.Get<RoomAdministration>().UpdateAsync(
            ana, dev, new RoomSettings("Renamed", "New topic", IsPrivate: true), TestContext.Current.CancellationToken);

        updated.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Forbidden);
        await using var db = await host.OpenDbAsync();
        var room = await db.Rooms.SingleAsync(r => r.Id == dev, TestContext.Current.CancellationToken);
        room.Name.ShouldBe("dev");
        room.Topic.ShouldBeNull();
        room.IsPrivate.ShouldBeFalse();
        changes.Events.ShouldBeEmpty();
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task ArchiveAsync_RefusesAsForbiddenAndLeavesRoom_WhenActorIsStaff(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var dev = await host.CreateRoomAsync("dev");
        using var changes = new EventRecorder<RoomChanged>(host.Get<EventHub>(), Topics.Rooms);

        var archived = await host.Get<RoomAdministration>().ArchiveAsync(ana, dev, TestContext.Current.CancellationToken);

        archived.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Forbidden);
        await using var db = await host.OpenDbAsync();
        (await db.Rooms.SingleAsync(r => r.Id == dev, TestContext.Current.CancellationToken)).IsArchived.ShouldBeFalse();
        changes.Events.ShouldBeEmpty();
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task RestoreAsync_RefusesAsForbidden_WhenActorIsStaff(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var old = await host.CreateRoomAsync("old");
        await host.ArchiveAsync(old);

        var restored = await host.Get<RoomAdministration>().RestoreAsync(ana, old, TestContext.Current.CancellationToken);

        restored.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Forbidden);
        await using var db = await host.OpenDbAsync();
        (await db.Rooms.SingleAsync(r => r.Id == old, TestContext.Current.CancellationToken)).IsArchived.ShouldBeTrue();
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task ListAsync_ReturnsNothing_WhenActorIsStaff(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        await host.CreateRoomAsync("dev");

        var rooms = await host.Get<RoomAdministration>().ListAsync(ana, TestContext.Current.CancellationToken);

        rooms.ShouldBeEmpty();
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task CreateAsync_Succeeds_WhenActorIsAdmin(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);

        var created = await host.Get<RoomAdministration>().CreateAsync(root, "Design", null, isPrivate: false, TestContext.Current.CancellationToken);

        created.Failure.ShouldBeNull();
        created.Value.ShouldNotBeNull().Id.ShouldNotBe(Room.GeneralId);
    }
}
