using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Realtime.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Users;

namespace RealtimeApp.Tests.Data;

/// <summary>Nodes that start together on one empty PostgreSQL database: one migrates and seeds, the others wait and find it done.</summary>
public sealed class StartupLockTests
{
    [Fact]
    public async Task Initializers_OfThreeNodesStartingAtOnce_AllSucceedSeedEverythingOnceAndLogNoError()
    {
        var connectionString = await PostgresServer.Shared.CreateDatabaseAsync(migrated: false);
        var logs = new CapturingLoggerProvider();
        var nodes = Enumerable.Range(0, 3).Select(_ => Node(connectionString, logs)).ToList();
        try
        {
            await Task.WhenAll(nodes.Select(node => node.GetServices<IHostedService>().OfType<DatabaseInitializer>().Single().StartAsync(TestContext.Current.CancellationToken)));

            await using var scope = nodes[0].CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            (await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
            (await db.Roles.Select(role => role.Name).OrderBy(name => name).ToListAsync(TestContext.Current.CancellationToken)).ShouldBe([Roles.Admin, Roles.Staff]);
            var admins = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().GetUsersInRoleAsync(Roles.Admin);
            admins.Select(user => user.Email).ShouldBe(["admin@example.com"]);
            logs.Entries.Where(entry => entry.Level >= LogLevel.Error).Select(entry => entry.Message).ShouldBeEmpty();
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Acquire_WaitsForTheHolder_LongerThanTheCommandTimeout()
    {
        // Several command lines, or a node whose neighbour runs a long migration: the wait outlasts any command timeout.
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await PostgresServer.Shared.CreateDatabaseAsync();
        await using var holder = Node(connectionString, new CapturingLoggerProvider());
        await using var waiter = Node(connectionString + ";Command Timeout=1", new CapturingLoggerProvider());
        await using var holderScope = holder.CreateAsyncScope();
        await using var waiterScope = waiter.CreateAsyncScope();
        var held = await StartupLock.AcquireAsync(holderScope.ServiceProvider.GetRequiredService<ApplicationDbContext>(), ct);

        var waiterDb = waiterScope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var ownTimeout = waiterDb.Database.GetCommandTimeout();
        var waiting = StartupLock.AcquireAsync(waiterDb, ct);
        await Eventually.WaitUntilAsync(() => WaitedOnTheLockForAsync(connectionString, seconds: 3), "the second one has waited 3 s, past its 1 s command timeout");
        waiting.IsCompleted.ShouldBeFalse();
        await held.DisposeAsync();

        await using var acquired = await waiting.WaitAsync(TimeSpan.FromSeconds(20), ct);
        waiterDb.Database.GetCommandTimeout().ShouldBe(ownTimeout, "the context's own command timeout is back");
    }

    private static async Task<bool> WaitedOnTheLockForAsync(string connectionString, int seconds)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var query = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%pg_advisory_lock%' AND now() - query_start > make_interval(secs => @seconds)",
            connection);
        query.Parameters.AddWithValue("seconds", seconds);
        return (long)(await query.ExecuteScalarAsync(TestContext.Current.CancellationToken))! > 0;
    }

    /// <summary>What one node registers for its start-up work on the shared database.</summary>
    private static ServiceProvider Node(string connectionString, CapturingLoggerProvider logs)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [DatabaseSettings.ProviderKey] = nameof(DatabaseProvider.Postgres),
                [DatabaseSettings.ConnectionStringKey] = connectionString,
                ["Bootstrap:AdminEmail"] = "admin@example.com",
                ["Bootstrap:AdminPassword"] = "Admin#Pass1",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddProvider(logs));
        services.AddDatabaseInitializer();
        services.AddRealtimeAppData(configuration, Path.GetTempPath());
        services.AddRealtimeAppUsers();
        return services.BuildServiceProvider();
    }
}
