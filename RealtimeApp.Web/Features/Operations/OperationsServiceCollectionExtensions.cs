using Microsoft.Extensions.DependencyInjection.Extensions;
using RealtimeApp.Web.Features.Operations;

namespace Microsoft.Extensions.DependencyInjection;

public static class OperationsServiceCollectionExtensions
{
    /// <summary>The operations dashboard's sampler of the <c>RealtimeApp</c> meter (one sample a second, ten minutes kept).</summary>
    public static IServiceCollection AddOperationsDashboard(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<MetricsSampler>();
        services.AddHostedService<MetricsSamplingService>();
        return services;
    }
}
