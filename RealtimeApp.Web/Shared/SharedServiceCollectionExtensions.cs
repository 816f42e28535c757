using Microsoft.Extensions.DependencyInjection.Extensions;
using RealtimeApp.Web.Shared.Actors;
using RealtimeApp.Web.Shared.Time;

namespace Microsoft.Extensions.DependencyInjection;

public static class SharedServiceCollectionExtensions
{
    /// <summary>
    /// What every feature's circuit code may use: the signed-in user as an actor and the browser's time zone (one of
    /// each per circuit). Safe to call from every feature that needs them.
    /// </summary>
    public static IServiceCollection AddCircuitContext(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<CircuitActor>();
        services.TryAddScoped<BrowserTime>();
        return services;
    }
}
