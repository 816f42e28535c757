using RealtimeApp.Web.Data;

namespace RealtimeApp.Web.Features.Users;

/// <summary>
/// Runs before the server takes requests: migrations, roles, then the bootstrap administrator, one node at a time when
/// several start together on one database.
/// </summary>
public sealed class DatabaseInitializer(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await using var exclusive = await StartupLock.AcquireAsync(services.GetRequiredService<ApplicationDbContext>(), cancellationToken);
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        await services.GetRequiredService<RoleSeeder>().EnsureRolesAsync();
        await services.GetRequiredService<BootstrapAdminSeeder>().SeedAsync(Console.Out, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
