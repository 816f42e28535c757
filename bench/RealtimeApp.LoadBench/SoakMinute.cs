namespace RealtimeApp.LoadBench;

/// <summary>
/// One minute of a soak run: its live deliveries' publish→receive latency, the server's RSS and GC pause time at its
/// end (the pauses and collections are this minute's), and the traffic and errors counted in it.
/// </summary>
public sealed record SoakMinute(
    int Minute,
    long Samples,
    double P50Milliseconds,
    double P99Milliseconds,
    double P999Milliseconds,
    long ResidentBytes,
    double GcPauseSeconds,
    long Gen0,
    long Gen1,
    long Gen2,
    ServerMetrics Server,
    int Held,
    long Delivered,
    long Replayed,
    long Reconnects,
    long Queries,
    long Errors);
