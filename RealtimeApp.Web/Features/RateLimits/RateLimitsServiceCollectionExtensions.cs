using Microsoft.Extensions.DependencyInjection.Extensions;
using RealtimeApp.Web.Features.RateLimits;
using RealtimeApp.Web.Realtime.Backplane;
using RealtimeApp.Web.Realtime.Limits;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

public static class RateLimitsServiceCollectionExtensions
{
    /// <summary>
    /// Stored rate-limit policies and the one per-user limiter the UI and the API share (it replaces the API engine's
    /// options-only limits), refusal counts, and the housekeeping that picks up changes made outside this process.
    /// Safe to call more than once (the chat feature calls it for its message budget).
    /// </summary>
    public static IServiceCollection AddRateLimitsFeature(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        if (services.Any(d => d.ServiceType == typeof(UserRateLimiter)))
        {
            return services;
        }

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RateLimitPolicyCache>();
        services.AddSingleton<RateLimitRefusals>();
        services.AddInstrumentBaseline<RateLimitRefusals>();
        services.TryAddSingleton<ISharedBuckets>(provider => provider.GetService<IConnectionMultiplexer>() is { } redis
            ? new RedisSharedBuckets(
                redis,
                (provider.GetService<BackplaneOptions>()?.RedisChannel ?? new BackplaneOptions().RedisChannel) + ":ratelimit:",
                provider.GetRequiredService<ILogger<RedisSharedBuckets>>())
            : NoSharedBuckets.Instance);
        services.AddSingleton<UserRateLimiter>();
        services.AddAuditLog();
        services.AddSingleton<RateLimitPolicyService>();
        services.Replace(ServiceDescriptor.Singleton<IApiUserLimits, PolicyApiUserLimits>());
        services.AddHostedService<RateLimitHousekeeping>();
        return services;
    }
}
