using RealtimeApp.Web.Features.Chat.Api;

namespace Microsoft.Extensions.DependencyInjection;

public static class ChatApiServiceCollectionExtensions
{
    /// <summary>
    /// The chat procedures of the API (<c>chat.*</c>, root <c>onMessage</c>), over the services of <c>AddChatFeature</c>.
    /// See docs/websocket-api.md.
    /// </summary>
    public static IServiceCollection AddChatApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddTrpcProcedures(ChatProcedures.Register);
        return services;
    }
}
