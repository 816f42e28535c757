using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Features.Chat.Store;
using RealtimeApp.Web.State;

namespace RealtimeApp.Tests.Features.Chat.Support;

/// <summary>
/// One signed-in user's circuit on a <see cref="ChatHost"/>: its own DI scope with the chat store (state, reducers and
/// the real effects on the real services), the circuit's room feed and aggregator, MudBlazor's snackbar and an
/// <see cref="ActionLog"/>. Start the host with <c>configureServices: ChatCircuit.AddServices</c>.
/// </summary>
public sealed class ChatCircuit : StoreCircuit
{
    private ChatCircuit(AsyncServiceScope scope)
        : base(scope)
    {
    }

    public ChatState State => Get<IState<ChatState>>().Value;

    public IReadOnlyList<object> Actions => Get<ActionLog>().Actions;

    public ISnackbar Snackbar => Get<ISnackbar>();

    /// <summary>What a circuit has on top of the chat services: the store scanning the chat store types, auth state, MudBlazor.</summary>
    public static void AddServices(IServiceCollection services)
    {
        services.AddMudServices();
        services.AddScoped<NavigationManager, TestNavigationManager>();
        services.AddScoped<SignedInUser>();
        services.AddScoped<AuthenticationStateProvider>(provider => provider.GetRequiredService<SignedInUser>());
        services.AddFluxor(options => options
            .ScanTypes(typeof(ChatState), typeof(ChatReducers), typeof(ChatEffects), typeof(ChatWriteEffects))
            .AddMiddleware<ActionLog>());
    }

    /// <summary>Opens a circuit for <paramref name="actor"/> with its store initialised.</summary>
    public static async Task<ChatCircuit> OpenAsync(ChatHost host, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(host);

        var circuit = new ChatCircuit(host.CreateScope());
        await circuit.InitializeAsync(actor);
        return circuit;
    }

    /// <summary>Waits until <paramref name="condition"/> holds for the chat state; an effect failure fails at once.</summary>
    public Task WaitUntilAsync(Func<ChatState, bool> condition, string description, TimeSpan? timeout = null) =>
        WaitUntilConditionAsync(() => condition(State), description, timeout);

    /// <summary>Opens the chat on <paramref name="roomId"/> (null: the default room) and waits until its history is loaded.</summary>
    public async Task OpenChatAsync(string? roomId)
    {
        Dispatcher.Dispatch(new ChatOpened(roomId));
        await WaitUntilAsync(
            _ => Actions.OfType<HistoryLoaded>().Any(h => roomId is null || h.RoomId == roomId),
            $"the history of {roomId ?? "the default room"} is loaded");
    }
}
