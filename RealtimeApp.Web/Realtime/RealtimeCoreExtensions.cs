using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Components.Server.Circuits;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Web.Realtime;
using RealtimeApp.Web.Realtime.Backplane;
using RealtimeApp.Web.Realtime.Streams;

namespace Microsoft.Extensions.DependencyInjection;

public static class RealtimeCoreExtensions
{
    /// <summary>
    /// The singleton event hub on the in-memory backplane, hub and connection metrics, and one <see cref="EventAggregator"/> per
    /// DI scope (a Blazor circuit or an API connection) that ends every subscription it handed out with the scope.
    /// </summary>
    public static IServiceCollection AddRealtimeCore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RealtimeMetrics>();
        services.TryAddSingleton<IEventBackplane, InMemoryEventBackplane>();
        services.TryAddSingleton(provider =>
        {
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger<EventHub>();
            return new EventHub(
                provider.GetRequiredService<IEventBackplane>(),
                provider.GetRequiredService<RealtimeMetrics>(),
                new EventHubOptions
                {
                    OnHandlerError = (_, exception) => logger.LogError(exception, "An event handler failed"),
                    OnBackplaneError = exception => logger.LogError(exception, "The event backplane failed"),
                });
        });
        services.TryAddScoped<EventAggregator>();
        services.TryAddSingleton<ConnectionMetrics>();
        services.TryAddSingleton<BackplaneMetrics>();
        services.TryAddSingleton<StreamMetrics>();
        services.TryAddSingleton<HubInstrumentBaseline>();
        services.AddInstrumentBaseline<HubInstrumentBaseline>();
        services.AddInstrumentBaseline<ConnectionMetrics>();
        services.AddInstrumentBaseline<BackplaneMetrics>();
        services.AddInstrumentBaseline<StreamMetrics>();
        services.AddScoped<CircuitHandler, CircuitMetricsHandler>();
        return services;
    }
}
