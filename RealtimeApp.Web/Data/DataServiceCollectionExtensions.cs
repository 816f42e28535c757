using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RealtimeApp.Web.Data;

namespace Microsoft.Extensions.DependencyInjection;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the EF Core context on the configured engine (<c>Database:Provider</c>: SQLite, the embedded default, or
    /// PostgreSQL), the start-up migrator and, on SQLite, the background WAL checkpointer. Features ask for
    /// <see cref="ApplicationDbContext"/> and never learn which engine it is.
    /// </summary>
    public static IServiceCollection AddRealtimeAppData(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var settings = DatabaseSettings.From(configuration, contentRootPath);
        services.AddSingleton(settings);
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            services.AddApplicationDbContext<PostgresApplicationDbContext>(options => options.UseNpgsql(settings.ConnectionString));
        }
        else
        {
            services.AddApplicationDbContext<SqliteApplicationDbContext>(options => options.UseSqlite(settings.ConnectionString));
            services.AddHostedService<WalCheckpointer>();
            services.AddSingleton<SqliteMetrics>();
            services.AddInstrumentBaseline<SqliteMetrics>();
        }

        services.AddScoped<DatabaseMigrator>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    private static void AddApplicationDbContext<TContext>(this IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : ApplicationDbContext
    {
        services.AddPooledDbContextFactory<TContext>(configure);
        services.AddSingleton<IDbContextFactory<ApplicationDbContext>, ApplicationDbContextFactory<TContext>>();
        services.AddScoped<ApplicationDbContext>(provider => provider.GetRequiredService<TContext>());
    }
}
