namespace RealtimeApp.Web.Features.Agents.Components;

/// <summary>How long an agent spent in each status: every history entry lasts until the next one, the last until now.</summary>
public static class StatusDurations
{
    public static IReadOnlyDictionary<string, TimeSpan> Of(IReadOnlyList<AgentStatusPoint> history, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(history);

        var totals = AgentStatusStyle.All.ToDictionary(status => status, _ => TimeSpan.Zero, StringComparer.Ordinal);
        for (var i = 0; i < history.Count; i++)
        {
            var end = i + 1 < history.Count ? history[i + 1].At : now;
            var span = end - history[i].At;
            if (span > TimeSpan.Zero && totals.ContainsKey(history[i].Status))
            {
                totals[history[i].Status] += span;
            }
        }

        return totals;
    }

    /// <summary>How long the entry at <paramref name="index"/> lasted (the last one: until now).</summary>
    public static TimeSpan Lasted(IReadOnlyList<AgentStatusPoint> history, int index, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(history);

        var end = index + 1 < history.Count ? history[index + 1].At : now;
        return end > history[index].At ? end - history[index].At : TimeSpan.Zero;
    }
}
