using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Chat;

namespace RealtimeApp.ChatBench;

/// <summary>The chat services as the app registers them, on one SQLite file (WAL), with the group-commit writer running.</summary>
public sealed class BenchHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly MessageWriter _writer;

    private BenchHost(string databasePath)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Default"] = $"Data Source={databasePath}",
                ["Chat:MessagesPerMinute"] = "100000",
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

    public static async Task<BenchHost> StartAsync(string databasePath)
    {
        var host = new BenchHost(databasePath);
        await using (var scope = host._services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
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
