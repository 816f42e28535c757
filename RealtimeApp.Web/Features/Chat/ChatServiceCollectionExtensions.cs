using Microsoft.Extensions.DependencyInjection.Extensions;
using RealtimeApp.Web.Features.Chat;
using RealtimeApp.Web.Features.Chat.Store;
using RealtimeApp.Web.Shared.Actors;
using RealtimeApp.Web.Shared.Time;

namespace Microsoft.Extensions.DependencyInjection;

public static class ChatServiceCollectionExtensions
{
    /// <summary>Rooms and messages: the services the UI and the API share, the group-commit writer and the circuit's room feed.</summary>
    public static IServiceCollection AddChatFeature(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.TryAddSingleton(TimeProvider.System);
        services.AddRateLimitsFeature();
        services.AddSingleton<ChatMetrics>();
        services.AddSingleton<IChatEventPublisher, HubChatEventPublisher>();
        services.AddSingleton<MessageWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<MessageWriter>());
        services.AddSingleton<RoomDirectory>();
        services.AddSingleton<RoomAccess>();
        services.AddSingleton<ChatService>();
        services.AddSingleton<ChatHistory>();
        services.AddSingleton<MessageEditing>();
        services.AddSingleton<RoomService>();
        services.AddScoped<CircuitActor>();
        services.AddScoped<RoomFeed>();
        services.AddScoped<BrowserTime>();
        return services;
    }
}
