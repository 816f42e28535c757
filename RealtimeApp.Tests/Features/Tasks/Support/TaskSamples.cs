using RealtimeApp.Web.Features.Tasks;
using RealtimeApp.Web.Features.Tasks.Store;

namespace RealtimeApp.Tests.Features.Tasks.Support;

/// <summary>Small builders for tasks, timeline entries and status changes as the store sees them.</summary>
public static class TaskSamples
{
    public static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    public static TaskView Task(
        string id, string title = "Build", string status = "running", int progress = 0, long lastSequence = 2, string? agentId = "runner-1",
        DateTimeOffset? startedAt = null, string? error = null, string? errorDetails = null) =>
        new(id, title, agentId, status, progress, Noon.AddMinutes(-10), status == "queued" ? null : startedAt ?? Noon.AddMinutes(-5),
            status is "succeeded" or "failed" or "cancelled" ? Noon.AddMinutes(-1) : null, error, errorDetails, lastSequence);

    public static TaskEventView Entry(string taskId, long sequence, int progress, string status = "running", string? message = null) =>
        new(taskId, sequence, progress, status, message, Noon.AddSeconds(sequence));

    public static TaskProgressReceived Progress(string taskId, long sequence, int progress, string status = "running", string? message = null) =>
        new(Entry(taskId, sequence, progress, status, message));

    public static TaskStatusReceived Status(string taskId, long sequence, string status, string? previous = "running", string? error = null) =>
        new(taskId, sequence, status, previous, error, Noon.AddSeconds(sequence));
}
