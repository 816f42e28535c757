using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Chat;
using RealtimeApp.Web.Features.Chat.Persistence;
using RealtimeApp.Web.Features.Chat.Api;
using RealtimeApp.Web.Features.Chat.Store;

namespace Microsoft.Extensions.DependencyInjection;

public static class ChatServiceCollectionExtensions
{
    /// <summary>Messages: the services the UI and the API share, the group-commit writer and the circuit's room feed.</summary>
    public static IServiceCollection AddChatFeature(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddCircuitContext();
        services.AddRateLimitsFeature();
        services.AddRoomsFeature();
        services.AddSingleton<ChatMetrics>();
        services.AddInstrumentBaseline<ChatMetrics>();
        services.AddSingleton<IChatEventPublisher, HubChatEventPublisher>();
        services.AddSingleton<IMessageStore>(provider => provider.GetRequiredService<DatabaseSettings>().Provider == DatabaseProvider.Postgres
            ? ActivatorUtilities.CreateInstance<PostgresMessageStore>(provider)
            : ActivatorUtilities.CreateInstance<SqliteMessageStore>(provider));
        services.AddSingleton<MessageWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<MessageWriter>());
        services.AddSingleton<ChatService>();
        services.AddSingleton<ChatHistory>();
        services.AddSingleton<MessageEditing>();
        services.AddSingleton<MentionCandidates>();
        services.AddSingleton<ReadMarkers>();
        services.AddScoped<RoomFeed>();
        return services;
    }

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
