using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Features.ApiTokens;
using RealtimeApp.Web.Features.Audit;
using RealtimeApp.Web.Features.Sessions;
using RealtimeApp.Web.Features.Users.Administration;
using RealtimeApp.Web.Realtime;

namespace RealtimeApp.Tests.Features.Sessions;

public sealed class LockClosesApiConnectionsTests : IAsyncLifetime
{
    private const string WhoAmI = """{"id":1,"method":"query","params":{"path":"test.whoami"}}""";

    private readonly ApiTokenAppHost _host = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task LockAsync_ClosesTheUsersApiConnectionsWith4001()
    {
        var ana = await _host.CreateStaffAsync("ana@example.com");
        var token = await _host.CreateTokenAsync(ana, "ci");
        await using var client = await _host.ConnectWithTokenAsync(token.Secret);
        await client.SendAsync(WhoAmI);
        await client.ReceiveAsync();

        var locked = await _host.App.Services.GetRequiredService<UserAdministration>().LockAsync(await AdminAsync(), ana.UserId, TestContext.Current.CancellationToken);

        locked.Failure.ShouldBeNull();
        var (status, _) = await client.ReceiveCloseAsync();
        status.ShouldBe(ApiCloseCodes.ClosedByServer);
        client.Socket.CloseStatusDescription.ShouldBe(UserSessions.LockedReason);
    }

    [Fact]
    public async Task DisconnectAsync_ClosesOneApiConnectionWith4001AndAudits()
    {
        var ana = await _host.CreateStaffAsync("ana@example.com");
        var token = await _host.CreateTokenAsync(ana, "ci");
        await using var client = await _host.ConnectWithTokenAsync(token.Secret);
        await client.SendAsync(WhoAmI);
        await client.ReceiveAsync();
        var sessions = _host.App.Services.GetRequiredService<UserSessions>();
        var connection = sessions.List().ShouldHaveSingleItem();
        connection.Kind.ShouldBe(ConnectionKind.Api);

        var disconnected = await sessions.DisconnectAsync(await AdminAsync(), ConnectionKind.Api, connection.Id, TestContext.Current.CancellationToken);

        disconnected.Failure.ShouldBeNull();
        var (status, _) = await client.ReceiveCloseAsync();
        status.ShouldBe(ApiCloseCodes.ClosedByServer);
        client.Socket.CloseStatusDescription.ShouldBe(UserSessions.DisconnectedReason);
        var entries = await _host.App.Services.GetRequiredService<IAuditLog>()
            .QueryAsync(new AuditQuery(Action: AuditActions.ConnectionDisconnected), TestContext.Current.CancellationToken);
        entries.Entries.ShouldHaveSingleItem().Target.ShouldBe("api:ana@example.com");
    }

    private async Task<Actor> AdminAsync()
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<RealtimeApp.Web.Data.ApplicationUser>>();
        var admin = await users.FindByEmailAsync(RealtimeApp.Tests.Support.RealtimeAppFactory.AdminEmail);
        return new Actor(admin!.Id, admin.Email!, new HashSet<string> { Roles.Admin });
    }
}
