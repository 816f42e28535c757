using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Realtime.Support;
using RealtimeApp.Web.Features.Chat.Store;
using RealtimeApp.Web.State;

namespace RealtimeApp.Tests.Features.Chat.Support;

/// <summary>
/// One signed-in user's circuit on a <see cref="ChatHost"/>: its own DI scope with the chat store (state, reducers and
/// the real effects on the real services), the circuit's room feed and aggregator, MudBlazor's snackbar and an
/// <see cref="ActionLog"/>. Start the host with <c>configureServices: ChatCircuit.AddServices</c>.
/// </summary>
public sealed class ChatCircuit : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;
    private readonly ConcurrentQueue<Exception> _effectFailures = new();

    private ChatCircuit(AsyncServiceScope scope)
    {
        _scope = scope;
        Store.UnhandledException += (_, e) => _effectFailures.Enqueue(e.Exception);
    }

    public IStore Store => _scope.ServiceProvider.GetRequiredService<IStore>();

    public IDispatcher Dispatcher => _scope.ServiceProvider.GetRequiredService<IDispatcher>();

    public ChatState State => _scope.ServiceProvider.GetRequiredService<IState<ChatState>>().Value;

    public IReadOnlyList<object> Actions => _scope.ServiceProvider.GetRequiredService<ActionLog>().Actions;

    public ISnackbar Snackbar => _scope.ServiceProvider.GetRequiredService<ISnackbar>();

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
        circuit._scope.ServiceProvider.GetRequiredService<SignedInUser>().SignIn(actor);
        await circuit.Store.InitializeAsync().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        return circuit;
    }

    /// <summary>Waits until <paramref name="condition"/> holds for the chat state; an effect failure fails at once.</summary>
    public Task WaitUntilAsync(Func<ChatState, bool> condition, string description) =>
        Eventually.WaitUntilAsync(
            () => _effectFailures.TryPeek(out var failure) ? throw new InvalidOperationException("An effect failed.", failure) : condition(State),
            description);

    /// <summary>Opens the chat on <paramref name="roomId"/> (null: the default room) and waits until its history is loaded.</summary>
    public async Task OpenChatAsync(string? roomId)
    {
        Dispatcher.Dispatch(new ChatOpened(roomId));
        await WaitUntilAsync(
            _ => Actions.OfType<HistoryLoaded>().Any(h => roomId is null || h.RoomId == roomId),
            $"the history of {roomId ?? "the default room"} is loaded");
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
