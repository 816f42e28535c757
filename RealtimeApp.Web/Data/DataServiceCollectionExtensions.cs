using Microsoft.EntityFrameworkCore;
using RealtimeApp.Web.Data;

namespace Microsoft.Extensions.DependencyInjection;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers the EF Core context on SQLite (the embedded default) and the start-up migrator.</summary>
    public static IServiceCollection AddRealtimeAppData(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var connectionString = DatabaseConnection.ResolveSqlite(configuration.GetConnectionString("Default"), contentRootPath);
        services.AddDbContextFactory<ApplicationDbContext>(options => options.UseSqlite(connectionString));
        services.AddScoped<DatabaseMigrator>();
        return services;
    }
}
