using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
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
