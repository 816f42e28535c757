using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Features.Agents.Store;
using RealtimeApp.Web.State;

namespace RealtimeApp.Tests.Features.Agents.Support;

/// <summary>
/// One circuit on a <see cref="ChatHost"/> with the agents store (states, reducers and the real effects on the real
/// services and the circuit's aggregator). Start the host with <c>configureServices: AgentsCircuit.AddServices</c>.
/// </summary>
public sealed class AgentsCircuit : StoreCircuit
{
    private AgentsCircuit(AsyncServiceScope scope)
        : base(scope)
    {
    }

    public AgentsState List => Get<IState<AgentsState>>().Value;

    public AgentDetailState Detail => Get<IState<AgentDetailState>>().Value;

    public static void AddServices(IServiceCollection services) =>
        services.AddFluxor(options => options.ScanTypes(
            typeof(AgentsState), typeof(AgentsReducers), typeof(AgentDetailState), typeof(AgentDetailReducers), typeof(AgentsEffects)));

    public static async Task<AgentsCircuit> OpenAsync(ChatHost host)
    {
        ArgumentNullException.ThrowIfNull(host);

        var circuit = new AgentsCircuit(host.CreateScope());
        await circuit.InitializeAsync(actor: null);
        return circuit;
    }

    /// <summary>Waits until <paramref name="condition"/> holds; an effect failure fails at once.</summary>
    public Task WaitUntilAsync(Func<AgentsCircuit, bool> condition, string description) =>
        WaitUntilConditionAsync(() => condition(this), description);
}
