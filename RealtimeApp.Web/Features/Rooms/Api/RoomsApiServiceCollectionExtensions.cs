using RealtimeApp.Web.Features.Rooms.Api;

namespace Microsoft.Extensions.DependencyInjection;

public static class RoomsApiServiceCollectionExtensions
{
    /// <summary>The room procedures of the API (<c>rooms.*</c>), over the services of <c>AddRoomsFeature</c>. See docs/websocket-api.md.</summary>
    public static IServiceCollection AddRoomsApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddTrpcProcedures(RoomProcedures.Register);
        return services;
    }
}
