using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RealtimeApp.Web.Features.Rooms;
using RealtimeApp.Web.Features.Rooms.Api;
using RealtimeApp.Web.Features.Rooms.Presence;

namespace Microsoft.Extensions.DependencyInjection;

public static class RoomsServiceCollectionExtensions
{
    /// <summary>
    /// Rooms: who may read and write which room, the room list, administration of rooms and members (each change
    /// published live), and presence (who is in which room, across tabs, and who is typing). Safe to call more than once
    /// (the chat feature calls it).
    /// </summary>
    public static IServiceCollection AddRoomsFeature(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        if (services.Any(d => d.ServiceType == typeof(RoomService)))
        {
            return services;
        }

        services.AddCircuitContext();
        services.AddAuditLog();
        services.AddSingleton<RoomDirectory>();
        services.AddSingleton<RoomAccess>();
        services.AddSingleton<RoomListCache>();
        services.AddSingleton<RoomService>();
        services.AddSingleton<RoomEvents>();
        services.AddSingleton<RoomAdministration>();
        services.AddSingleton<RoomMembers>();
        services.AddSingleton<PresenceTracker>();
        services.AddHostedService<PresenceHeartbeat>();
        services.AddSingleton<TypingNotifier>();
        services.AddScoped<CircuitPresence>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, PresenceCircuitHandler>());
        return services;
    }

    /// <summary>The room procedures of the API (<c>rooms.*</c>), over the services of <c>AddRoomsFeature</c>. See docs/websocket-api.md.</summary>
    public static IServiceCollection AddRoomsApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddTrpcProcedures(RoomProcedures.Register);
        return services;
    }
}
