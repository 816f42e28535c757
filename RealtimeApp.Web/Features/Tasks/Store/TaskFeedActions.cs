using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;

namespace RealtimeApp.Web.Features.Tasks.Store;

/// <summary>Turns task events into store actions.</summary>
internal static class TaskFeedActions
{
    public static object From(IRealtimeEvent realtimeEvent) => realtimeEvent switch
    {
        TaskProgressed progressed => new TaskProgressReceived(TaskEventView.From(progressed)),
        TaskStatusChanged changed => new TaskStatusReceived(changed.TaskId, changed.Sequence, changed.Status, changed.PreviousStatus, changed.Error, changed.At),
        _ => throw new ArgumentOutOfRangeException(nameof(realtimeEvent), realtimeEvent.GetType().Name, "Not a task event."),
    };
}
