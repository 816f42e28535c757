using RealtimeApp.Domain.Realtime;
using RealtimeApp.Web.Realtime.Backplane;
using RealtimeApp.Web.Shared.Settings;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

public static class BackplaneServiceCollectionExtensions
{
    /// <summary>
    /// The bus between nodes from <c>Realtime:Backplane</c>: nothing to add for <c>InMemory</c> (one node), or Redis
    /// pub/sub on <c>ConnectionStrings:Redis</c> with its health check. Call before <c>AddRealtimeCore</c>.
    /// </summary>
    public static IServiceCollection AddEventBackplane(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var options = configuration.GetSection(BackplaneOptions.Section).Get<BackplaneOptions>() ?? new BackplaneOptions();
        if (options.Nodes < 1)
        {
            throw new InvalidSettingException($"Realtime:Nodes must be at least 1 (it is {options.Nodes}).");
        }

        if (options.Backplane != BackplaneKind.Redis)
        {
            return options.Nodes == 1
                ? services.AddHostedService<SingleNodeWarning>()
                : throw new InvalidSettingException(
                    $"Realtime:Nodes is {options.Nodes}, but Realtime:Backplane is InMemory: the nodes would not see each other's messages. "
                    + "Set Realtime:Backplane=Redis and ConnectionStrings:Redis.");
        }

        var redis = RedisSettings.Parse(configuration.GetConnectionString("Redis"));
        services.AddSingleton(options);
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis));
        services.AddSingleton(provider => new RedisEventBackplane(
            provider.GetRequiredService<IConnectionMultiplexer>(),
            options.RedisChannel,
            provider.GetRequiredService<BackplaneMetrics>(),
            provider.GetRequiredService<ILogger<RedisEventBackplane>>()));
        services.AddSingleton<IEventBackplane>(provider => provider.GetRequiredService<RedisEventBackplane>());
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis");
        return services;
    }
}
