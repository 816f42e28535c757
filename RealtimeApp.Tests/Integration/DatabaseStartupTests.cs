using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Realtime.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Tests.Integration;

public sealed class DatabaseStartupTests
{
    [Fact]
    public async Task Startup_AppliesEveryMigration_WhenDatabaseIsEmpty()
    {
        await using var factory = new RealtimeAppFactory();
        File.Exists(factory.DatabasePath).ShouldBeFalse();

        _ = factory.Server;

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        (await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken)).ShouldNotBeEmpty();
        var journalMode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync(TestContext.Current.CancellationToken);
        journalMode.ShouldBe(["wal"]);
        (await db.Roles.Select(role => role.Name).OrderBy(name => name).ToListAsync(TestContext.Current.CancellationToken)).ShouldBe([Roles.Admin, Roles.Staff]);
    }

    [Fact]
    public async Task Startup_OnAnEmptyDatabase_LogsNoError_AndKeepsItsSigningKeysInTheDatabase()
    {
        var logs = new CapturingLoggerProvider();
        await using var factory = new RealtimeAppFactory(configureTestServices: services => services.AddSingleton<ILoggerProvider>(logs));

        _ = factory.Server;

        // Hosted services that read the database at start (the Data Protection key ring among them) run after migrations.
        logs.Entries.Where(entry => entry.Level >= LogLevel.Error).Select(entry => entry.Message).ShouldBeEmpty();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        (await db.DataProtectionKeys.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(1);
    }

    [Fact]
    public async Task Startup_CreatesConfiguredAdmin_WhenDatabaseIsEmpty()
    {
        await using var factory = new RealtimeAppFactory();

        _ = factory.Server;

        var isAdmin = await factory.WithUserManagerAsync(async users =>
        {
            var admin = await users.FindByEmailAsync(RealtimeAppFactory.AdminEmail);
            return admin is not null && await users.IsInRoleAsync(admin, Roles.Admin) && await users.CheckPasswordAsync(admin, RealtimeAppFactory.AdminPassword);
        });
        isAdmin.ShouldBeTrue();
    }

    [Fact]
    public async Task Startup_CreatesLocalhostAdmin_WhenNothingIsConfigured()
    {
        await using var factory = new RealtimeAppFactory(new Dictionary<string, string?>
        {
            ["Bootstrap:AdminEmail"] = null,
            ["Bootstrap:AdminPassword"] = null,
        });

        _ = factory.Server;

        var admins = await factory.WithUserManagerAsync(users => users.GetUsersInRoleAsync(Roles.Admin));
        admins.Select(user => user.Email).ShouldBe(["admin@localhost"]);
    }
}
