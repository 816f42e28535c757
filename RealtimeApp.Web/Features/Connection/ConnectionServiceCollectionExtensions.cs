using Microsoft.AspNetCore.Components.Server.Circuits;
using RealtimeApp.Web.Features.Connection;

namespace Microsoft.Extensions.DependencyInjection;

public static class ConnectionServiceCollectionExtensions
{
    /// <summary>
    /// Records the circuit's connection status in the store (its <c>ConnectionState</c> feature comes from
    /// <c>AddFluxor</c>'s scan): a scoped <see cref="CircuitHandler"/> per circuit.
    /// </summary>
    public static IServiceCollection AddConnectionStatus(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddScoped<CircuitHandler, ConnectionCircuitHandler>();
        return services;
    }
}
