using System.Globalization;

namespace RealtimeApp.Web.Features.Tasks.Components;

/// <summary>How task times read: "14:05:09" today, "12 Nov 2026 14:05:09" otherwise; durations as "1 h 02 min", "3 min 05 s", "12 s".</summary>
public static class TaskTimes
{
    public static string At(DateTimeOffset at, DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return local.Date == TimeZoneInfo.ConvertTime(now, zone).Date
            ? local.ToString("HH:mm:ss", CultureInfo.InvariantCulture)
            : local.ToString("d MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture);
    }

    /// <summary>From start to finish, or to <paramref name="now"/> while the task runs; "—" before it starts.</summary>
    public static string Duration(TaskView task, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(task);

        if (task.StartedAt is not { } started)
        {
            return "—";
        }

        var elapsed = (task.FinishedAt ?? now) - started;
        return elapsed < TimeSpan.Zero ? "0 s"
            : elapsed.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalHours} h {elapsed.Minutes:00} min")
            : elapsed.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{elapsed.Minutes} min {elapsed.Seconds:00} s")
            : string.Create(CultureInfo.InvariantCulture, $"{elapsed.Seconds} s");
    }
}
