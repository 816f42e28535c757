using RealtimeApp.Domain.Chat;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Audit;
using RealtimeApp.Web.Features.Rooms;

namespace RealtimeApp.Tests.Features.Audit;

public sealed class RoomAuditTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task RoomChanges_AreAuditedWithBeforeAndAfter(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);
        var rooms = host.Get<RoomAdministration>();

        var dev = (await rooms.CreateAsync(root, "dev", topic: null, isPrivate: false, Ct)).Value!;
        await rooms.UpdateAsync(root, dev.Id, new RoomSettings(Topic: "Builds"), Ct);
        await rooms.ArchiveAsync(root, dev.Id, Ct);
        await rooms.RestoreAsync(root, dev.Id, Ct);

        var entries = (await host.Get<IAuditLog>().QueryAsync(new AuditQuery(Text: "room:dev"), Ct)).Entries.Reverse().ToList();
        entries.Select(e => e.Action).ShouldBe([AuditActions.RoomCreated, AuditActions.RoomUpdated, AuditActions.RoomArchived, AuditActions.RoomRestored]);
        entries.ShouldAllBe(e => e.ActorUserId == root.UserId && e.Target == "room:dev");
        entries[1].Before.ShouldBe("""{"name":"dev","topic":null,"isPrivate":false,"isArchived":false}""");
        entries[1].After.ShouldBe("""{"name":"dev","topic":"Builds","isPrivate":false,"isArchived":false}""");
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task MembershipChanges_AreAudited(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);
        var ana = await host.CreateUserAsync("ana");
        var secret = await host.CreateRoomAsync("secret", isPrivate: true);
        var members = host.Get<RoomMembers>();

        await members.AddAsync(root, secret, "ana@example.com", RoomRole.Moderator, Ct);
        await members.RemoveAsync(root, secret, ana.UserId, Ct);

        var log = host.Get<IAuditLog>();
        (await log.QueryAsync(new AuditQuery(Action: AuditActions.RoomMemberSet), Ct)).Entries.ShouldHaveSingleItem()
            .After.ShouldBe("""{"member":"ana@example.com","role":"Moderator"}""");
        (await log.QueryAsync(new AuditQuery(Action: AuditActions.RoomMemberRemoved), Ct)).Entries.ShouldHaveSingleItem()
            .Before.ShouldBe("""{"member":"ana@example.com"}""");
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task RefusedRoomChange_IsNotAudited(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var root = await host.CreateUserAsync("root", admin: true);

        await host.Get<RoomAdministration>().ArchiveAsync(root, Room.GeneralId, Ct);

        // The host's own set-up (role defaults) is audited too; no room entry may appear.
        (await host.Get<IAuditLog>().QueryAsync(new AuditQuery(), Ct)).Entries.ShouldNotContain(e => e.Action.StartsWith("room.", StringComparison.Ordinal));
    }
}
