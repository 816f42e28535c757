using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Features.Tasks.Store;
using RealtimeApp.Web.State;

namespace RealtimeApp.Tests.Features.Tasks.Support;

/// <summary>
/// One signed-in user's circuit on a <see cref="ChatHost"/> with the task store: the task states, reducers and the
/// real effects on the real services, the circuit's task feed and aggregator, MudBlazor's snackbar and an
/// <see cref="ActionLog"/>. Start the host with <c>configureServices: TaskCircuit.AddServices</c>.
/// </summary>
public sealed class TaskCircuit : StoreCircuit
{
    private TaskCircuit(AsyncServiceScope scope)
        : base(scope)
    {
    }

    public TaskListState List => Get<IState<TaskListState>>().Value;

    public TaskDetailState Detail => Get<IState<TaskDetailState>>().Value;

    public IReadOnlyList<object> Actions => Get<ActionLog>().Actions;

    public ISnackbar Snackbar => Get<ISnackbar>();

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
        await circuit.InitializeAsync(actor);
        return circuit;
    }

    /// <summary>Waits until <paramref name="condition"/> holds; an effect failure fails at once.</summary>
    public Task WaitUntilAsync(Func<TaskCircuit, bool> condition, string description, TimeSpan? timeout = null) =>
        WaitUntilConditionAsync(() => condition(this), description, timeout);
}
