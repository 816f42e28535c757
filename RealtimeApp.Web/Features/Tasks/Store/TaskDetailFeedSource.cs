using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Web.Realtime.Streams;

namespace RealtimeApp.Web.Features.Tasks.Store;

/// <summary>
/// One task's timeline for the detail page, as store actions: entries by sequence (read back from the database when
/// missed) and status changes as they come; after falling behind, the task itself is read again for its status.
/// </summary>
internal sealed class TaskDetailFeedSource(TaskService tasks, string taskId) : StreamSource<object>
{
    public override IReadOnlyList<IEventSubscription> SubscribeLive(EventAggregator aggregator, Action<IRealtimeEvent> deliver) =>
        [aggregator.Subscribe(Topics.Task(taskId), deliver)];

    public override LiveSignal Classify(IRealtimeEvent realtimeEvent) => realtimeEvent switch
    {
        TaskProgressed progressed => LiveSignal.Item(progressed.Sequence),
        TaskStatusChanged => LiveSignal.Update,
        _ => LiveSignal.Ignore,
    };

    public override object Project(IRealtimeEvent realtimeEvent) => TaskFeedActions.From(realtimeEvent);

    public override async Task<IReadOnlyList<StreamEvent<object>>> ReadAfterAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        var page = await tasks.EventsAfterAsync(taskId, afterSequence, limit, cancellationToken);
        return [.. page.Select(entry => new StreamEvent<object>(entry.Sequence, new TaskProgressReceived(entry)))];
    }

    public override bool TryGetResyncNotice(out object notice)
    {
        notice = new TaskDetailResyncRequested(taskId);
        return true;
    }
}
