using System.Globalization;

namespace RealtimeApp.Web.Features.Chat.Components;

/// <summary>How message times read: "just now", "5 min ago", "14:05", "Yesterday 14:05", "12 Nov 14:05".</summary>
public static class ChatTime
{
    public static string Relative(DateTimeOffset at, DateTimeOffset now, TimeZoneInfo zone)
    {
        var elapsed = now - at;
        if (elapsed < TimeSpan.FromMinutes(1))
        {
            return "just now";
        }

        if (elapsed < TimeSpan.FromHours(1))
        {
            return $"{(int)elapsed.TotalMinutes} min ago";
        }

        var local = TimeZoneInfo.ConvertTime(at, zone);
        var today = TimeZoneInfo.ConvertTime(now, zone).Date;
        var time = local.ToString("HH:mm", CultureInfo.InvariantCulture);
        return local.Date == today ? time
            : local.Date == today.AddDays(-1) ? $"Yesterday {time}"
            : local.ToString(local.Year == today.Year ? "d MMM HH:mm" : "d MMM yyyy HH:mm", CultureInfo.InvariantCulture);
    }

    public static string Exact(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("dddd d MMMM yyyy, HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Day(DateTimeOffset at, DateTimeOffset now, TimeZoneInfo zone)
    {
        var day = TimeZoneInfo.ConvertTime(at, zone).Date;
        var today = TimeZoneInfo.ConvertTime(now, zone).Date;
        return day == today ? "Today"
            : day == today.AddDays(-1) ? "Yesterday"
            : day.ToString(day.Year == today.Year ? "dddd d MMMM" : "d MMMM yyyy", CultureInfo.InvariantCulture);
    }
}
