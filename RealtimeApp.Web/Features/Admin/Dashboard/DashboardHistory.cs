using MudBlazor;
using RealtimeApp.Web.Features.Operations;

namespace RealtimeApp.Web.Features.Admin.Dashboard;

/// <summary>Turns the sampler's history into the dashboard's charts and per-room activity (pure, so it is tested without a browser).</summary>
public static class DashboardHistory
{
    /// <summary>Points per chart line: ten minutes of samples are averaged into buckets of five seconds.</summary>
    public const int MaxPoints = 120;

    public static IReadOnlyList<RoomActivity> Rooms(IReadOnlyList<MetricSample> history)
    {
        ArgumentNullException.ThrowIfNull(history);

        var lastMinute = history.Skip(Math.Max(0, history.Count - 60)).ToList();
        var latest = history.Count == 0 ? null : history[^1];
        return lastMinute.SelectMany(s => s.RoomMessages)
            .GroupBy(room => room.Key, StringComparer.Ordinal)
            .Select(room => new RoomActivity(room.Key, room.Sum(r => r.Value), latest?.RoomMessages.GetValueOrDefault(room.Key) ?? 0))
            .OrderByDescending(room => room.LastMinute)
            .ThenBy(room => room.RoomId, StringComparer.Ordinal)
            .ToList();
    }

    public static List<ChartSeries<double>> Connections(IReadOnlyList<MetricSample> history) =>
    [
        Series("Circuits", history, s => s.Circuits),
        Series("API connections", history, s => s.ApiConnections),
    ];

    public static List<ChartSeries<double>> Traffic(IReadOnlyList<MetricSample> history) =>
    [
        Series("Messages in/s", history, s => s.MessagesInPerSecond),
        Series("Messages out/s", history, s => s.MessagesOutPerSecond),
        Series("Deliveries/s", history, s => s.DeliveriesPerSecond),
        Series("Errors/s", history, s => s.ErrorsPerSecond),
        Series("Throttled/s", history, s => s.ThrottledPerSecond),
    ];

    /// <summary>X-axis labels: minutes before now at each minute's bucket, blank elsewhere.</summary>
    public static string[] Labels(IReadOnlyList<MetricSample> history)
    {
        ArgumentNullException.ThrowIfNull(history);

        var buckets = Buckets(history.Count);
        var labels = new string[buckets.Count];
        for (var i = 0; i < buckets.Count; i++)
        {
            var secondsAgo = history.Count - buckets[i].End;
            labels[i] = secondsAgo == 0 ? "now" : secondsAgo % 60 < buckets[i].Size ? $"-{secondsAgo / 60}m" : string.Empty;
        }

        return labels;
    }

    public static double[] Downsample(IReadOnlyList<MetricSample> history, Func<MetricSample, double> value)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(value);

        return Buckets(history.Count)
            .Select(bucket => Math.Round(Enumerable.Range(bucket.Start, bucket.Size).Average(i => value(history[i])), 2))
            .ToArray();
    }

    private static ChartSeries<double> Series(string name, IReadOnlyList<MetricSample> history, Func<MetricSample, double> value) =>
        new() { Name = name, Data = new ChartData<double>(Downsample(history, value)) };

    private static List<(int Start, int Size, int End)> Buckets(int count)
    {
        var size = Math.Max(1, (int)Math.Ceiling(count / (double)MaxPoints));
        var buckets = new List<(int, int, int)>();
        // Aligned to the newest sample, so the last point is always the latest second.
        for (var end = count; end > 0; end -= size)
        {
            var start = Math.Max(0, end - size);
            buckets.Add((start, end - start, end));
        }

        buckets.Reverse();
        return buckets;
    }
}
