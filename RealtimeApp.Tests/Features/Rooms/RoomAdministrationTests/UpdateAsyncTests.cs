using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Rooms;

namespace RealtimeApp.Tests.Features.Rooms.RoomAdministrationTests;

public sealed class UpdateAsyncTests
{
    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task UpdateAsync_RenamesAndKeepsTheId_WhenNameIsFree(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);
        var dev = await host.CreateRoomAsync("dev");

        var updated = await host.Get<RoomAdministration>().UpdateAsync(root, dev, new RoomSettings(Name: "  Engineering  "), TestContext.Current.CancellationToken);

        updated.Value.ShouldNotBeNull().Id.ShouldBe(dev);
        await using var db = await host.OpenDbAsync();
        (await db.Rooms.SingleAsync(r => r.Id == dev, TestContext.Current.CancellationToken)).Name.ShouldBe("Engineering");
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task UpdateAsync_RefusesAsConflict_WhenAnotherRoomHasTheNameIgnoringCase(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);
        var dev = await host.CreateRoomAsync("dev");
        await host.CreateRoomAsync("ops");
        using var changes = new EventRecorder<RoomChanged>(host.Get<EventHub>(), Topics.Rooms);

        var updated = await host.Get<RoomAdministration>().UpdateAsync(root, dev, new RoomSettings(Name: "OPS"), TestContext.Current.CancellationToken);

        updated.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Conflict);
        await using var db = await host.OpenDbAsync();
        (await db.Rooms.SingleAsync(r => r.Id == dev, TestContext.Current.CancellationToken)).Name.ShouldBe("dev");
        changes.Events.ShouldBeEmpty();
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task UpdateAsync_ChangesCase_WhenTheNameIsTheRoomsOwn(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);
        var dev = await host.CreateRoomAsync("dev");

        var updated = await host.Get<RoomAdministration>().UpdateAsync(root, dev, new RoomSettings(Name: "Dev"), TestContext.Current.CancellationToken);

        updated.Value.ShouldNotBeNull().Name.ShouldBe("Dev");
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task UpdateAsync_SetsTopicAndPrivacyAndKeepsName_WhenNameIsNull(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);
        var dev = await host.CreateRoomAsync("dev");

        await host.Get<RoomAdministration>().UpdateAsync(root, dev, new RoomSettings(Topic: " Builds and bugs ", IsPrivate: true), TestContext.Current.CancellationToken);

        await using var db = await host.OpenDbAsync();
        var room = await db.Rooms.SingleAsync(r => r.Id == dev, TestContext.Current.CancellationToken);
        room.Name.ShouldBe("dev");
        room.Topic.ShouldBe("Builds and bugs");
        room.IsPrivate.ShouldBeTrue();
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task UpdateAsync_ClearsTopic_WhenTopicIsBlank(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);
        var dev = await host.CreateRoomAsync("dev");
        var rooms = host.Get<RoomAdministration>();
        await rooms.UpdateAsync(root, dev, new RoomSettings(Topic: "Builds"), TestContext.Current.CancellationToken);

        var updated = await rooms.UpdateAsync(root, dev, new RoomSettings(Topic: "  "), TestContext.Current.CancellationToken);

        updated.Value.ShouldNotBeNull().Topic.ShouldBeNull();
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task UpdateAsync_PublishesUpdated_WhenRoomChanges(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);
        var dev = await host.CreateRoomAsync("dev");
        using var changes = new EventRecorder<RoomChanged>(host.Get<EventHub>(), Topics.Rooms);

        await host.Get<RoomAdministration>().UpdateAsync(root, dev, new RoomSettings("Engineering", "Builds", IsPrivate: true), TestContext.Current.CancellationToken);

        changes.Events.ShouldHaveSingleItem().ShouldBe(new RoomChanged(dev, "Engineering", "Builds", IsPrivate: true, IsArchived: false, RoomChangeKind.Updated));
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task UpdateAsync_RefusesAsInvalid_WhenNewNameIsTooShort(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);
        var dev = await host.CreateRoomAsync("dev");

        var updated = await host.Get<RoomAdministration>().UpdateAsync(root, dev, new RoomSettings(Name: "x"), TestContext.Current.CancellationToken);

        updated.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Invalid);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task UpdateAsync_RefusesAsNotFound_WhenRoomDoesNotExist(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);

        var updated = await host.Get<RoomAdministration>().UpdateAsync(root, "nowhere", new RoomSettings(Topic: "x"), TestContext.Current.CancellationToken);

        updated.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.NotFound);
    }
}
