using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Web.Realtime.Streams;

namespace RealtimeApp.Web.Features.Agents.Store;

/// <summary>
/// Every agent's status for the agent pages, as store actions. Each change supersedes the one before, so nothing is
/// read back: after falling behind, the agents are read again.
/// </summary>
internal sealed class AgentFeedSource : StreamSource<object>
{
    public override IReadOnlyList<IEventSubscription> SubscribeLive(EventAggregator aggregator, Action<IRealtimeEvent> deliver) =>
        [aggregator.Subscribe(Topics.Agents, deliver)];

    public override LiveSignal Classify(IRealtimeEvent realtimeEvent) =>
        realtimeEvent is AgentStatusChanged ? LiveSignal.Update : LiveSignal.Ignore;

    public override object Project(IRealtimeEvent realtimeEvent)
    {
        var changed = (AgentStatusChanged)realtimeEvent;
        return new AgentStatusReceived(changed.AgentId, changed.Status, changed.CurrentTaskId, changed.Progress, changed.LastHeartbeat);
    }

    public override bool TryGetResyncNotice(out object notice)
    {
        notice = new AgentsResyncRequested();
        return true;
    }
}
