using System.Diagnostics;

namespace RealtimeApp.LoadBench;

/// <summary>Publish→receive latencies in 10 µs buckets up to 10 s (thread-safe, no allocation per sample).</summary>
public sealed class LatencyHistogram
{
    private const double BucketMicroseconds = 10;
    private readonly long[] _buckets = new long[1_000_000];
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Record(long sentTimestamp)
    {
        var micros = Stopwatch.GetElapsedTime(sentTimestamp).TotalMicroseconds;
        var bucket = (int)Math.Clamp(micros / BucketMicroseconds, 0, _buckets.Length - 1);
        Interlocked.Increment(ref _buckets[bucket]);
        Interlocked.Increment(ref _count);
    }

    /// <summary>One histogram holding the samples of all of <paramref name="histograms"/>.</summary>
    public static LatencyHistogram Merge(IEnumerable<LatencyHistogram> histograms)
    {
        var merged = new LatencyHistogram();
        foreach (var histogram in histograms)
        {
            for (var i = 0; i < merged._buckets.Length; i++)
            {
                merged._buckets[i] += Interlocked.Read(ref histogram._buckets[i]);
            }

            merged._count += histogram.Count;
        }

        return merged;
    }

    /// <summary>The latency in milliseconds under which <paramref name="percent"/> of the samples fall.</summary>
    public double PercentileMilliseconds(double percent)
    {
        var target = (long)Math.Ceiling(percent / 100 * Count);
        long seen = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            seen += Interlocked.Read(ref _buckets[i]);
            if (seen >= target && seen > 0)
            {
                return (i + 1) * BucketMicroseconds / 1000;
            }
        }

        return double.NaN;
    }
}
