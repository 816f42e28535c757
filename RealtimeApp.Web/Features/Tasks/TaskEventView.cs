using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Domain.Tasks;

namespace RealtimeApp.Web.Features.Tasks;

/// <summary>One timeline entry; <see cref="Sequence"/> is the event id of tracked subscriptions.</summary>
public sealed record TaskEventView(string TaskId, long Sequence, int Progress, string Status, string? Message, DateTimeOffset At)
{
    public static TaskEventView From(TaskProgressEvent progress)
    {
        ArgumentNullException.ThrowIfNull(progress);

        return new(progress.TaskId, progress.Sequence, progress.Progress, progress.State.ToWire(), progress.Message, progress.At);
    }

    public static TaskEventView From(TaskProgressed progressed)
    {
        ArgumentNullException.ThrowIfNull(progressed);

        return new(progressed.TaskId, progressed.Sequence, progressed.Progress, progressed.Status, progressed.Message, progressed.At);
    }
}
