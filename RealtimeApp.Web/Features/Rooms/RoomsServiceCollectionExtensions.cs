using RealtimeApp.Web.Features.Rooms;

namespace Microsoft.Extensions.DependencyInjection;

public static class RoomsServiceCollectionExtensions
{
    /// <summary>Room administration for admins: rooms, their settings and their members, each change published live.</summary>
    public static IServiceCollection AddRoomsFeature(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddAuditLog();
        services.AddSingleton<RoomEvents>();
        services.AddSingleton<RoomAdministration>();
        services.AddSingleton<RoomMembers>();
        return services;
    }
}
