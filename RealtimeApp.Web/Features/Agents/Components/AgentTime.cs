using System.Globalization;

namespace RealtimeApp.Web.Features.Agents.Components;

/// <summary>How agent times read: "last seen 3 s ago", "last seen 5 min ago", and durations such as "2 min 5 s".</summary>
public static class AgentTime
{
    public static string LastSeen(DateTimeOffset lastHeartbeat, DateTimeOffset now)
    {
        var elapsed = now - lastHeartbeat;
        return elapsed < TimeSpan.FromSeconds(1) ? "last seen just now" : $"last seen {Duration(elapsed)} ago";
    }

    public static string Duration(TimeSpan span) =>
        span < TimeSpan.FromMinutes(1) ? $"{(int)span.TotalSeconds} s"
        : span < TimeSpan.FromHours(1) ? $"{(int)span.TotalMinutes} min"
        : span < TimeSpan.FromDays(1) ? $"{(int)span.TotalHours} h"
        : $"{(int)span.TotalDays} d";

    public static string Exact(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
