using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Web.Realtime.Streams;

namespace RealtimeApp.Web.Features.Tasks.Store;

/// <summary>
/// Every task's progress and status for the Tasks page, as store actions. Each change supersedes the one before, so
/// nothing is read back: after falling behind, the page is read again.
/// </summary>
internal sealed class TaskBoardFeedSource : StreamSource<object>
{
    public override IReadOnlyList<IEventSubscription> SubscribeLive(EventAggregator aggregator, Action<IRealtimeEvent> deliver) =>
        [aggregator.SubscribeAll<TaskProgressed>(deliver), aggregator.SubscribeAll<TaskStatusChanged>(deliver)];

    public override LiveSignal Classify(IRealtimeEvent realtimeEvent) => LiveSignal.Update;

    public override object Project(IRealtimeEvent realtimeEvent) => TaskFeedActions.From(realtimeEvent);

    public override bool TryGetResyncNotice(out object notice)
    {
        notice = new TaskListRefreshRequested();
        return true;
    }
}
