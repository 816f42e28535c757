using System.Globalization;

namespace RealtimeApp.LoadBench;

/// <summary>
/// What the server's <c>/metrics</c> (Prometheus text, loopback only) says at one moment: the runtime's GC pause time
/// and collections, and the API's own gauges and counters a soak watches.
/// </summary>
public sealed record ServerMetrics(
    double GcPauseSeconds, long Gen0, long Gen1, long Gen2, long ApiConnections, long Subscriptions, long EventsDropped, long StreamResyncs, long HeapBytes)
{
    public static async Task<ServerMetrics> ReadAsync(HttpClient http, Uri baseAddress, CancellationToken ct)
    {
        var text = await http.GetStringAsync(new Uri(baseAddress, "/metrics"), ct);
        var lines = text.Split('\n').Where(line => line.Length > 0 && line[0] != '#').ToList();
        return new ServerMetrics(
            Sum(lines, "dotnet_gc_pause_time_seconds_total"),
            (long)Sum(lines, "dotnet_gc_collections_total", "gc_heap_generation=\"gen0\""),
            (long)Sum(lines, "dotnet_gc_collections_total", "gc_heap_generation=\"gen1\""),
            (long)Sum(lines, "dotnet_gc_collections_total", "gc_heap_generation=\"gen2\""),
            (long)Sum(lines, "realtimeapp_api_connections_active"),
            (long)Sum(lines, "realtimeapp_subscriptions_active"),
            (long)Sum(lines, "realtimeapp_events_dropped_total"),
            (long)Sum(lines, "realtimeapp_stream_resyncs_total"),
            (long)Sum(lines, "dotnet_gc_last_collection_heap_size_bytes"));
    }

    /// <summary>The sum of every series of <paramref name="name"/> (whose labels contain <paramref name="label"/>, if given).</summary>
    private static double Sum(List<string> lines, string name, string? label = null) => lines
        .Where(line => line.StartsWith(name, StringComparison.Ordinal) && line.Length > name.Length && line[name.Length] is '{' or ' ')
        .Where(line => label is null || line.Contains(label, StringComparison.Ordinal))
        .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
}
