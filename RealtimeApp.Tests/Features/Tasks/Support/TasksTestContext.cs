using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.State.Support;
using RealtimeApp.Web.Features.Tasks.Store;
using RealtimeApp.Web.Shared.Time;

namespace RealtimeApp.Tests.Features.Tasks.Support;

/// <summary>
/// The bUnit base for task components: the task states and their reducers only (no effects, so no services or
/// database), an <see cref="ActionLog"/> to see what components dispatch, and the circuit's clock on the fake time.
/// </summary>
public abstract class TasksTestContext : FluxorTestContext
{
    protected TasksTestContext()
        : base(
            options => options.ScanTypes(typeof(TaskListState), typeof(TaskDetailState), typeof(TaskListReducers), typeof(TaskDetailReducers)).AddMiddleware<ActionLog>(),
            services => services.AddScoped<BrowserTime>())
    {
        Time.SetUtcNow(TaskSamples.Noon);
    }

    protected TaskListState ListState => StateOf<TaskListState>();

    protected TaskDetailState DetailState => StateOf<TaskDetailState>();

    protected IReadOnlyList<object> Dispatched => Services.GetRequiredService<ActionLog>().Actions;

    /// <summary>Initialises the store and applies <paramref name="actions"/> through the reducers.</summary>
    protected async Task GivenAsync(params object[] actions)
    {
        await Store.InitializeAsync();
        foreach (var action in actions)
        {
            Dispatcher.Dispatch(action);
        }
    }

    /// <summary>Dispatches <paramref name="actions"/> after rendering, then lets the fake clock pass the states' notification throttle.</summary>
    protected void Live(params object[] actions)
    {
        foreach (var action in actions)
        {
            Dispatcher.Dispatch(action);
        }

        Time.Advance(TimeSpan.FromMilliseconds(100));
    }
}
