using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Domain.Tasks;

namespace RealtimeApp.Web.Features.Tasks;

/// <summary>Publishes committed timeline entries on the task's topic: progress always, and the status when it changed.</summary>
public sealed class TaskEvents(EventHub hub)
{
    public void Committed(TaskRecord task, TaskProgressEvent entry, TaskState previous)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(entry);

        hub.Publish(new TaskProgressed(task.Id, entry.Sequence, entry.Progress, entry.State.ToWire(), entry.Message, entry.At));
        if (previous != entry.State || entry.Sequence == 1)
        {
            hub.Publish(new TaskStatusChanged(task.Id, entry.Sequence, entry.State.ToWire(), entry.Sequence == 1 ? null : previous.ToWire(), task.Error, entry.At));
        }
    }
}
