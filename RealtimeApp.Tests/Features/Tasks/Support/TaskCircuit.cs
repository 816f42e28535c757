using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Realtime.Support;
using RealtimeApp.Web.Features.Tasks.Store;
using RealtimeApp.Web.State;

namespace RealtimeApp.Tests.Features.Tasks.Support;

/// <summary>
/// One signed-in user's circuit on a <see cref="ChatHost"/> with the task store: the task states, reducers and the
/// real effects on the real services, the circuit's task feed and aggregator, MudBlazor's snackbar and an
/// <see cref="ActionLog"/>. Start the host with <c>configureServices: TaskCircuit.AddServices</c>.
/// </summary>
public sealed class TaskCircuit : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;
    private readonly ConcurrentQueue<Exception> _effectFailures = new();

    private TaskCircuit(AsyncServiceScope scope)
    {
        _scope = scope;
        Store.UnhandledException += (_, e) => _effectFailures.Enqueue(e.Exception);
    }

    public IStore Store => _scope.ServiceProvider.GetRequiredService<IStore>();

    public IDispatcher Dispatcher => _scope.ServiceProvider.GetRequiredService<IDispatcher>();

    public TaskListState List => _scope.ServiceProvider.GetRequiredService<IState<TaskListState>>().Value;

    public TaskDetailState Detail => _scope.ServiceProvider.GetRequiredService<IState<TaskDetailState>>().Value;

    public IReadOnlyList<object> Actions => _scope.ServiceProvider.GetRequiredService<ActionLog>().Actions;

    public ISnackbar Snackbar => _scope.ServiceProvider.GetRequiredService<ISnackbar>();

    public T Get<T>()
        where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public static void AddServices(IServiceCollection services)
    {
        services.AddMudServices();
        services.AddScoped<NavigationManager, TestNavigationManager>();
        services.AddScoped<SignedInUser>();
        services.AddScoped<AuthenticationStateProvider>(provider => provider.GetRequiredService<SignedInUser>());
        services.AddFluxor(options => options
            .ScanTypes(typeof(TaskListState), typeof(TaskDetailState), typeof(TaskListReducers), typeof(TaskDetailReducers), typeof(TaskListEffects), typeof(TaskDetailEffects))
            .AddMiddleware<ActionLog>());
    }

    public static async Task<TaskCircuit> OpenAsync(ChatHost host, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(host);

        var circuit = new TaskCircuit(host.CreateScope());
        circuit._scope.ServiceProvider.GetRequiredService<SignedInUser>().SignIn(actor);
        await circuit.Store.InitializeAsync().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        return circuit;
    }

    /// <summary>Waits until <paramref name="condition"/> holds; an effect failure fails at once.</summary>
    public Task WaitUntilAsync(Func<TaskCircuit, bool> condition, string description) =>
        Eventually.WaitUntilAsync(
            () => _effectFailures.TryPeek(out var failure) ? throw new InvalidOperationException("An effect failed.", failure) : condition(this),
            description);

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
