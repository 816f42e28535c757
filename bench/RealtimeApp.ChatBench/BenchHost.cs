using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RealtimeApp.Domain.RateLimits;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.RateLimits;
using RealtimeApp.Web.Features.Chat;

namespace RealtimeApp.ChatBench;

/// <summary>
/// The chat services as the app registers them, on one SQLite file (WAL) or a PostgreSQL database, with the
/// group-commit writer running.
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly MessageWriter _writer;

    private BenchHost(string databasePath, string? postgres)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(postgres is null
                ? new Dictionary<string, string?> { [DatabaseSettings.ConnectionStringKey] = $"Data Source={databasePath}" }
                : new Dictionary<string, string?>
                {
                    [DatabaseSettings.ProviderKey] = nameof(DatabaseProvider.Postgres),
                    [DatabaseSettings.ConnectionStringKey] = postgres,
                })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddRealtimeAppData(configuration, Path.GetDirectoryName(databasePath)!);
        services.AddRealtimeAppUsers();
        services.AddRealtimeCore();
        services.AddChatFeature();
        _services = services.BuildServiceProvider();
        _writer = _services.GetRequiredService<MessageWriter>();
    }

    /// <param name="databasePath">The SQLite file (when <paramref name="postgres"/> is null).</param>
    /// <param name="postgres">A connection string to an empty PostgreSQL database, or null for SQLite.</param>
    public static async Task<BenchHost> StartAsync(string databasePath, string? postgres = null)
    {
        var host = new BenchHost(databasePath, postgres);
        await using (var scope = host._services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        }

        // The bench measures the write path, not the limiter's refusals: every role's budget far above the load.
        var benchOperator = new Actor("bench", "bench", new HashSet<string> { Roles.Admin });
        foreach (var role in new[] { RateLimitSource.Staff, RateLimitSource.Admin })
        {
            var raised = await host.Get<RateLimitPolicyService>().SetDefaultAsync(benchOperator, role, RateLimitDefaults.Seed.For(role) with { MessagesPerMinute = 1_000_000 });
            if (!raised.Succeeded)
            {
                throw new InvalidOperationException(raised.Failure!.Message);
            }
        }

        await ((IHostedService)host._writer).StartAsync(CancellationToken.None);
        return host;
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await ((IHostedService)_writer).StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }
}
