namespace RealtimeApp.LoadBench;

/// <summary>
/// A soak run's counters: deliveries (live ones give a publish→receive latency in the current minute's histogram,
/// replayed ones after a resume are counted apart), query answers, reconnects and posts acknowledged.
/// </summary>
public sealed class SoakMeasures
{
    private LatencyHistogram _minute = new();
    private long _delivered;
    private long _replayed;
    private long _queries;
    private long _reconnects;

    public LatencyHistogram Queries { get; } = new();

    public LatencyHistogram Acks { get; } = new();

    public long Delivered => Interlocked.Read(ref _delivered);

    public long Replayed => Interlocked.Read(ref _replayed);

    public long QueriesAnswered => Interlocked.Read(ref _queries);

    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>A delivery of a message posted at <paramref name="sent"/> to a subscription started at <paramref name="subscribedAt"/>.</summary>
    public void Delivery(long sent, long subscribedAt)
    {
        Interlocked.Increment(ref _delivered);
        if (sent >= subscribedAt)
        {
            Volatile.Read(ref _minute).Record(sent);
        }
        else
        {
            Interlocked.Increment(ref _replayed);
        }
    }

    public void QueryAnswered(long sent)
    {
        Interlocked.Increment(ref _queries);
        Queries.Record(sent);
    }

    public void Reconnected() => Interlocked.Increment(ref _reconnects);

    /// <summary>Starts the next minute's latency histogram and returns the one that ends.</summary>
    public LatencyHistogram NextMinute() => Interlocked.Exchange(ref _minute, new LatencyHistogram());
}
