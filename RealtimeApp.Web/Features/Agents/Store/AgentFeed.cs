using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Web.State;

namespace RealtimeApp.Web.Features.Agents.Store;

/// <summary>
/// The circuit's live subscription to every agent's status (on its own queue, so a slow circuit never slows a
/// publisher). It is on the circuit's aggregator, so it ends with the circuit.
/// </summary>
public sealed class AgentFeed(EventAggregator aggregator, IDispatcher dispatcher) : IDisposable
{
    private readonly Lock _gate = new();
    private IDisposable? _subscription;

    public void Start()
    {
        lock (_gate)
        {
            _subscription ??= aggregator.Subscribe<AgentStatusChanged>(Topics.Agents, (changed, _) =>
            {
                dispatcher.Dispatch(new AgentStatusReceived(changed.AgentId, changed.Status, changed.CurrentTaskId, changed.Progress, changed.LastHeartbeat));
                return ValueTask.CompletedTask;
            });
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _subscription?.Dispose();
            _subscription = null;
        }
    }
}
