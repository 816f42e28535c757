using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Realtime.Support;
using RealtimeApp.Web.Features.Agents.Store;
using RealtimeApp.Web.State;

namespace RealtimeApp.Tests.Features.Agents.Support;

/// <summary>
/// One circuit on a <see cref="ChatHost"/> with the agents store (states, reducers and the real effects on the real
/// services and the circuit's aggregator). Start the host with <c>configureServices: AgentsCircuit.AddServices</c>.
/// </summary>
public sealed class AgentsCircuit : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;
    private readonly ConcurrentQueue<Exception> _effectFailures = new();

    private AgentsCircuit(AsyncServiceScope scope)
    {
        _scope = scope;
        Store.UnhandledException += (_, e) => _effectFailures.Enqueue(e.Exception);
    }

    public IStore Store => _scope.ServiceProvider.GetRequiredService<IStore>();

    public IDispatcher Dispatcher => _scope.ServiceProvider.GetRequiredService<IDispatcher>();

    public AgentsState List => _scope.ServiceProvider.GetRequiredService<IState<AgentsState>>().Value;

    public AgentDetailState Detail => _scope.ServiceProvider.GetRequiredService<IState<AgentDetailState>>().Value;

    public static void AddServices(IServiceCollection services) =>
        services.AddFluxor(options => options.ScanTypes(
            typeof(AgentsState), typeof(AgentsReducers), typeof(AgentDetailState), typeof(AgentDetailReducers), typeof(AgentsEffects)));

    public static async Task<AgentsCircuit> OpenAsync(ChatHost host)
    {
        ArgumentNullException.ThrowIfNull(host);

        var circuit = new AgentsCircuit(host.CreateScope());
        await circuit.Store.InitializeAsync().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        return circuit;
    }

    /// <summary>Waits until <paramref name="condition"/> holds; an effect failure fails at once.</summary>
    public Task WaitUntilAsync(Func<AgentsCircuit, bool> condition, string description) =>
        Eventually.WaitUntilAsync(
            () => _effectFailures.TryPeek(out var failure) ? throw new InvalidOperationException("An effect failed.", failure) : condition(this),
            description);

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
