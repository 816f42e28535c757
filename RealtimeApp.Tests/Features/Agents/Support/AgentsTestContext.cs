using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.State.Support;
using RealtimeApp.Web.Features.Agents.Store;

namespace RealtimeApp.Tests.Features.Agents.Support;

/// <summary>The bUnit base for agent components: the agents states and reducers only (no effects, so no services or database), on the fake clock.</summary>
public abstract class AgentsTestContext : FluxorTestContext
{
    protected AgentsTestContext()
        : base(options => options.ScanTypes(typeof(AgentsState), typeof(AgentsReducers), typeof(AgentDetailState), typeof(AgentDetailReducers)).AddMiddleware<ActionLog>())
    {
        Time.SetUtcNow(AgentSamples.Noon);
    }

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
}
