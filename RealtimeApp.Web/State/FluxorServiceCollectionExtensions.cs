using Microsoft.Extensions.DependencyInjection.Extensions;
using RealtimeApp.Web.State;
using RealtimeApp.Web.State.Registration;

namespace Microsoft.Extensions.DependencyInjection;

public static class FluxorServiceCollectionExtensions
{
    /// <summary>
    /// The Flux store: scans once for <see cref="FeatureStateAttribute">features</see>, reducers and effects
    /// (a wrong signature throws here, naming the method) and registers <see cref="IStore"/>,
    /// <see cref="IDispatcher"/>, every <see cref="IState{TState}"/> and the middleware as scoped services,
    /// so each circuit has its own store.
    /// </summary>
    public static IServiceCollection AddFluxor(this IServiceCollection services, Action<FluxorOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        if (services.Any(service => service.ServiceType == typeof(StoreRegistrations)))
        {
            throw new InvalidOperationException("AddFluxor was called twice; scan every assembly in one call.");
        }

        var options = new FluxorOptions();
        configure(options);
        var registrations = StoreScanner.Scan(options.TypesToScan, options.MiddlewareTypes);

        services.AddSingleton(registrations);
        foreach (var feature in registrations.Features)
        {
            feature.Register(services);
        }

        foreach (var middlewareType in registrations.MiddlewareTypes)
        {
            services.TryAddScoped(middlewareType);
        }

        services.AddScoped(provider => new Store(provider.GetRequiredService<StoreRegistrations>(), provider));
        services.AddScoped<IStore>(provider => provider.GetRequiredService<Store>());
        services.AddScoped<IDispatcher>(provider => provider.GetRequiredService<Store>());
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
