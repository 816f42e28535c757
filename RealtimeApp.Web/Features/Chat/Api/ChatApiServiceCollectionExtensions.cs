using RealtimeApp.Web.Features.Chat.Api;
using RealtimeApp.Web.Features.Rooms.Api;

namespace Microsoft.Extensions.DependencyInjection;

public static class ChatApiServiceCollectionExtensions
{
    /// <summary>
    /// The chat and room procedures of the WebSocket API (<c>rooms.*</c>, <c>chat.*</c>, root <c>onMessage</c>), over the
    /// services of <c>AddChatFeature</c>, <c>AddRoomsFeature</c> and <c>AddPresenceFeature</c>. See docs/websocket-api.md.
    /// </summary>
    public static IServiceCollection AddChatApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddTrpcProcedures(RoomProcedures.Register);
        services.AddTrpcProcedures(ChatProcedures.Register);
        return services;
    }
}
