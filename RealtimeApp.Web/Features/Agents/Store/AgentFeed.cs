using RealtimeApp.Domain.Realtime;
using RealtimeApp.Web.Realtime.Streams;
using RealtimeApp.Web.State;

namespace RealtimeApp.Web.Features.Agents.Store;

/// <summary>
/// The circuit's live feed of every agent's status (a <see cref="CircuitFeed"/>: a slow circuit never slows a
/// publisher, and one that falls behind reads the agents again). It is on the circuit's aggregator, so it ends with the circuit.
/// </summary>
public sealed class AgentFeed(EventAggregator aggregator, IDispatcher dispatcher, StreamMetrics metrics, ILogger<AgentFeed> logger) : IDisposable
{
    private readonly Lock _gate = new();
    private CircuitFeed? _feed;

    /// <summary>Starts the feed unless it runs; the task ends once it has started.</summary>
    public Task StartAsync()
    {
        lock (_gate)
        {
            _feed ??= CircuitFeed.Start(aggregator, dispatcher, new AgentFeedSource(), _ => Task.FromResult(0L), metrics, logger);
            return _feed.Started;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _feed?.Dispose();
            _feed = null;
        }
    }
}
