using System.Diagnostics;
using System.Globalization;

namespace RealtimeApp.ChatBench;

/// <summary>Times an operation a fixed number of times (after a warm-up) and prints mean, p50, p95, p99 and max.</summary>
public static class Latency
{
    public static async Task<double[]> MeasureAsync(string name, int warmup, int iterations, Func<Task> operation)
    {
        for (var i = 0; i < warmup; i++)
        {
            await operation();
        }

        var samples = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await operation();
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(samples);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {iterations} | {samples.Average():0.000} | {Percentile(samples, 50):0.000} | {Percentile(samples, 95):0.000} | {Percentile(samples, 99):0.000} | {samples[^1]:0.000} |"));
        return samples;
    }

    public static void PrintHeader() =>
        Console.WriteLine("| operation | iterations | mean ms | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|---:|");

    private static double Percentile(double[] sorted, double percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
