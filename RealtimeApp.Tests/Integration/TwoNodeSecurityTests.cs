using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Domain.ApiTokens;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Features.ApiTokens;
using RealtimeApp.Web.Features.Sessions;
using RealtimeApp.Web.Features.Users.Administration;
using RealtimeApp.Web.Realtime;
using static RealtimeApp.Tests.Integration.Support.TwoNodeSetup;

namespace RealtimeApp.Tests.Integration;

/// <summary>Security changes made on node A of two take effect on node B at once: a lock, a role change, a revoked token.</summary>
public sealed class TwoNodeSecurityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task LockOrRoleChangeOnNodeA_ClosesTheUsersApiConnectionsOnNodeB(bool locking)
    {
        await using var redis = await RedisServer.StartAsync();
        var database = await PostgresServer.Shared.CreateDatabaseAsync();
        await using var a = new RealtimeAppFactory(NodeSettings(redis, database));
        await using var b = new RealtimeAppFactory(NodeSettings(redis, database));
        var admin = await AdminAsync(a);
        var staff = await a.CreateUserAsync("sam@example.com", "Staff#Pass1", Roles.Staff);
        var sam = new Actor(staff.Id, staff.UserName!, new HashSet<string> { Roles.Staff });
        await using var onB = await SubscribeOnAsync(b, sam, "chat.onMessage", """{"roomId":"general"}""");
        var users = a.Services.GetRequiredService<UserAdministration>();

        var changed = locking ? await users.LockAsync(admin, sam.UserId, Ct) : await users.SetRoleAsync(admin, sam.UserId, Roles.Admin, granted: true, Ct);

        changed.Failure.ShouldBeNull();
        var (status, _) = await onB.ReceiveCloseAsync();
        status.ShouldBe(ApiCloseCodes.ClosedByServer);
        onB.Socket.CloseStatusDescription.ShouldBe(locking ? UserSessions.LockedReason : UserAccessEnforcer.RolesChangedReason);
        b.Services.GetRequiredService<LockedUsers>().Contains(sam.UserId).ShouldBe(locking);
    }

    [Fact]
    public async Task TokenRevokedOnNodeA_ClosesItsConnectionOnNodeB_WithoutWaitingForTheSweep()
    {
        await using var redis = await RedisServer.StartAsync();
        var database = await PostgresServer.Shared.CreateDatabaseAsync();
        // A sweep a minute apart (the most allowed): only the revocation event closes node B's connection within the test.
        var settings = new Dictionary<string, string?>(NodeSettings(redis, database)) { ["ApiTokens:SweepSeconds"] = "60" };
        await using var a = new RealtimeAppFactory(settings);
        await using var b = new RealtimeAppFactory(settings);
        var admin = await AdminAsync(a);
        var tokensOnA = a.Services.GetRequiredService<ApiTokenService>();
        var created = (await tokensOnA.CreateAsync(admin.UserId, "revoked on node A", expiresAt: null, [ApiScopes.All], Ct)).Value!;
        await using var onB = await SubscribeWithTokenAsync(b, created.Secret, "chat.onMessage", """{"roomId":"general"}""");

        (await tokensOnA.RevokeAsync(admin, created.Token.Id, Ct)).Failure.ShouldBeNull();

        var (status, _) = await onB.ReceiveCloseAsync();
        status.ShouldBe(ApiCloseCodes.ClosedByServer);
        onB.Socket.CloseStatusDescription.ShouldBe(ApiTokenService.RevokedReason);
    }
}
