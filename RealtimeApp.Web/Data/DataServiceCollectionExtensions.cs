using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RealtimeApp.Web.Data;

namespace Microsoft.Extensions.DependencyInjection;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers the EF Core context on SQLite (the embedded default), the start-up migrator and the background WAL checkpointer.</summary>
    public static IServiceCollection AddRealtimeAppData(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var connectionString = DatabaseConnection.ResolveSqlite(configuration.GetConnectionString("Default"), contentRootPath);
        services.AddDbContextFactory<ApplicationDbContext>(options => options.UseSqlite(connectionString));
        services.AddScoped<DatabaseMigrator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<WalCheckpointer>();
        return services;
    }
}
