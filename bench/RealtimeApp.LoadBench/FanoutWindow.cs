namespace RealtimeApp.LoadBench;

/// <summary>What a fan-out run measured over its window, all subscribers together.</summary>
public sealed record FanoutWindow(
    double Seconds, long Delivered, long Posted, long Skipped, long Refused, LatencyHistogram Latency, LatencyHistogram Acks, int Closed, double TargetMessagesPerSecond,
    CpuUse Cpu);

/// <summary>
/// CPU time over a window: the server processes' and the load generator's own, so a run limited by the generator
/// (which shares the machine) shows as such.
/// </summary>
public sealed record CpuUse(TimeSpan Server, TimeSpan Generator)
{
    /// <summary>Microseconds of CPU per delivery, or 0 when nothing was delivered.</summary>
    public static double PerDelivery(TimeSpan cpu, long deliveries) => deliveries == 0 ? 0 : cpu.TotalMicroseconds / deliveries;
}

/// <summary>
/// One node's part of a fan-out run: its subscribers' deliveries and latency over the window, its server's memory, and
/// what its subscribers received over the whole run against what the acknowledged messages should have brought them.
/// </summary>
public sealed record NodeWindow(string Name, int Subscribers, long Delivered, LatencyHistogram Latency, long ResidentBytes, int Closed, long DeliveredAllRun, long ExpectedAllRun);
