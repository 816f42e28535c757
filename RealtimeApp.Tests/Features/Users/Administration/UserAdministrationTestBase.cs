using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Domain.Audit;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Users.Administration;

namespace RealtimeApp.Tests.Features.Users.Administration;

/// <summary>The whole app on a SQLite file of its own: the bootstrap admin is <see cref="Admin"/>, Ana is Staff.</summary>
public abstract class UserAdministrationTestBase : IAsyncLifetime
{
    public const string AnaEmail = "ana@example.com";
    public const string AnaPassword = "Ana#Pass1";

    protected RealtimeAppFactory Factory { get; } = new();

    protected Actor Admin { get; private set; } = null!;

    protected Actor Ana { get; private set; } = null!;

    protected UserAdministration Users => Factory.Services.GetRequiredService<UserAdministration>();

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync()
    {
        var ana = await Factory.CreateUserAsync(AnaEmail, AnaPassword, Roles.Staff);
        Ana = new Actor(ana.Id, AnaEmail, new HashSet<string> { Roles.Staff });
        var adminId = await Factory.WithUserManagerAsync(async users => (await users.FindByEmailAsync(RealtimeAppFactory.AdminEmail))!.Id);
        Admin = new Actor(adminId, RealtimeAppFactory.AdminEmail, new HashSet<string> { Roles.Admin });
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected async Task<Actor> MakeAdminAsync(Actor user)
    {
        (await Users.SetRoleAsync(Admin, user.UserId, Roles.Admin, granted: true, Ct)).Failure.ShouldBeNull();
        return user with { Roles = new HashSet<string> { Roles.Admin, Roles.Staff } };
    }

    protected async Task<List<AuditEntry>> AuditEntriesAsync(string action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        return await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Id).ToListAsync(Ct);
    }

    protected async Task<UserRow> RowAsync(string email) =>
        (await Users.ListAsync(Admin, new UserQuery(email), Ct)).Value.ShouldNotBeNull().Rows.ShouldHaveSingleItem();
}
