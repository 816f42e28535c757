using Microsoft.AspNetCore.Components.Server.Circuits;
using RealtimeApp.Web.Features.Presence;

namespace Microsoft.Extensions.DependencyInjection;

public static class PresenceServiceCollectionExtensions
{
    /// <summary>Who is in which room (per connection, across tabs) and who is typing.</summary>
    public static IServiceCollection AddPresenceFeature(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddSingleton<PresenceTracker>();
        services.AddSingleton<TypingNotifier>();
        services.AddScoped<CircuitPresence>();
        services.AddScoped<CircuitHandler, PresenceCircuitHandler>();
        return services;
    }
}
