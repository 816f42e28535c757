namespace RealtimeApp.Web.Features.Tasks.Api;

/// <summary>The seed client's <c>onTaskProgress</c> payload: <c>{progress, status, eventId}</c>, with the task id and time.</summary>
public sealed record SeedTaskProgress(string TaskId, string EventId, int Progress, string Status, string? Message, long Timestamp)
{
    public static SeedTaskProgress From(TaskEventView entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.TaskId, entry.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.Progress, entry.Status, entry.Message, entry.At.ToUnixTimeMilliseconds());
    }
}
