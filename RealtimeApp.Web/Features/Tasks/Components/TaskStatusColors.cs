using MudBlazor;
using RealtimeApp.Domain.Tasks;

namespace RealtimeApp.Web.Features.Tasks.Components;

/// <summary>One colour per task status, the same on the list, the detail and the timeline.</summary>
public static class TaskStatusColors
{
    public static Color For(string status) => TaskStates.FromWire(status) switch
    {
        TaskState.Queued => Color.Default,
        TaskState.Running => Color.Info,
        TaskState.Succeeded => Color.Success,
        TaskState.Failed => Color.Error,
        TaskState.Cancelled => Color.Warning,
        _ => Color.Dark,
    };
}
