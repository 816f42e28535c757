using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Web.Realtime.Streams;

namespace RealtimeApp.Web.Features.Tasks.Api;

/// <summary>A task's timeline entries for one API subscriber, each as <c>project</c> makes it.</summary>
internal sealed class TaskProgressSource<T>(TaskService tasks, string taskId, Func<TaskEventView, T> project) : StreamSource<T>
{
    public override IReadOnlyList<IEventSubscription> SubscribeLive(EventAggregator aggregator, Action<IRealtimeEvent> deliver) =>
        [aggregator.Subscribe(Topics.Task(taskId), deliver)];

    public override LiveSignal Classify(IRealtimeEvent realtimeEvent) =>
        realtimeEvent is TaskProgressed progressed ? LiveSignal.Item(progressed.Sequence) : LiveSignal.Ignore;

    public override T Project(IRealtimeEvent realtimeEvent) => project(TaskEventView.From((TaskProgressed)realtimeEvent));

    public override async Task<IReadOnlyList<StreamEvent<T>>> ReadAfterAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        var page = await tasks.EventsAfterAsync(taskId, afterSequence, limit, cancellationToken);
        return [.. page.Select(entry => new StreamEvent<T>(entry.Sequence, project(entry)))];
    }
}
