using System.Globalization;
using System.Text;

namespace RealtimeApp.LoadBench;

/// <summary>Prints a fan-out run's figures: the single-node report as recorded in docs/benchmarks.md, or one per node.</summary>
public static class FanoutReport
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static void WriteSingleNode(FanoutSettings settings, FanoutWindow window, long rss)
    {
        var latency = window.Latency;
        var acks = window.Acks;
        Console.WriteLine(string.Create(C, $"""
            fan-out ({Subscribers(settings)}): {settings.Connections} subscribed connections, {settings.Rooms} rooms ({settings.Connections / settings.Rooms} subscribers each), {settings.Publishers} publishers
              target          {settings.DeliveriesPerSecond:N0} deliveries/s ({window.TargetMessagesPerSecond:N0} messages/s)
              achieved        {window.Delivered / window.Seconds:N0} deliveries/s, {window.Posted / window.Seconds:N0} messages/s persisted (measured over {window.Seconds:0.0} s)
              latency         p50 {latency.PercentileMilliseconds(50):0.00} ms, p99 {latency.PercentileMilliseconds(99):0.00} ms, p99.9 {latency.PercentileMilliseconds(99.9):0.00} ms ({latency.Count:N0} samples)
              chat.send ack   p50 {acks.PercentileMilliseconds(50):0.00} ms, p99 {acks.PercentileMilliseconds(99):0.00} ms (persisted and answered)
              refused         {window.Refused:N0}; skipped (over {FanoutRun.MaxInFlightPerPublisher} in flight) {window.Skipped:N0}; connections closed by the server {window.Closed}
              server RSS      {rss / 1024.0 / 1024:0.0} MiB
              CPU             {Cpu(window)}
            """));
    }

    /// <summary>The totals, then each node's subscribers (node A serves the publishers), and how far each other node trails node A.</summary>
    public static void WriteNodes(FanoutSettings settings, FanoutWindow window, IReadOnlyList<NodeWindow> nodes)
    {
        var first = nodes[0];
        var report = new StringBuilder();
        Line(report, $"fan-out ({Subscribers(settings)}) on {nodes.Count} node{(nodes.Count == 1 ? "" : "s")} (PostgreSQL, Redis backplane): {settings.Connections} subscribed connections, {settings.Rooms} rooms ({settings.Connections / settings.Rooms} subscribers each{(nodes.Count == 1 ? "" : ", spread over the nodes")}), {settings.Publishers} publishers on node A");
        Line(report, $"  target          {settings.DeliveriesPerSecond:N0} deliveries/s ({window.TargetMessagesPerSecond:N0} messages/s)");
        Line(report, $"  achieved        {window.Delivered / window.Seconds:N0} deliveries/s, {window.Posted / window.Seconds:N0} messages/s persisted (measured over {window.Seconds:0.0} s)");
        Line(report, $"  latency         {Percentiles(window.Latency)} ({window.Latency.Count:N0} samples, all nodes)");
        foreach (var node in nodes)
        {
            Line(report, $"  {"node " + node.Name,-16}{node.Subscribers} subscribers, {node.Delivered / window.Seconds:N0} deliveries/s: {Percentiles(node.Latency)} ({node.Latency.Count:N0} samples)");
        }

        foreach (var node in nodes.Skip(1))
        {
            Line(report, $"  {node.Name + " − " + first.Name,-16}p50 {Difference(node.Latency, first.Latency, 50)} ms, p99 {Difference(node.Latency, first.Latency, 99)} ms, p99.9 {Difference(node.Latency, first.Latency, 99.9)} ms (cross-node minus same-node)");
        }

        Line(report, $"  chat.send ack   p50 {window.Acks.PercentileMilliseconds(50):0.00} ms, p99 {window.Acks.PercentileMilliseconds(99):0.00} ms (persisted and answered)");
        Line(report, $"  refused         {window.Refused:N0}; skipped (over {FanoutRun.MaxInFlightPerPublisher} in flight) {window.Skipped:N0}; connections closed by the server {window.Closed} ({string.Join(", ", nodes.Select(n => $"subscribers on {n.Name} {n.Closed}"))})");
        Line(report, $"  whole run       {string.Join("; ", nodes.Select(Received))}");
        Line(report, $"  server RSS      {string.Join(", ", nodes.Select(n => string.Create(C, $"node {n.Name} {n.ResidentBytes / 1024.0 / 1024:0.0} MiB")))}");
        Line(report, $"  CPU             {Cpu(window)}");
        Console.Write(report.ToString());
    }

    private static string Subscribers(FanoutSettings settings) => settings.Transport == "sse" ? "sse" : $"ws, {settings.Client} subscribers";

    /// <summary>Server and generator CPU over the window: seconds, share of the machine's cores, and µs per delivery.</summary>
    private static string Cpu(FanoutWindow window)
    {
        var cores = Environment.ProcessorCount * window.Seconds;
        return string.Create(C,
            $"server {window.Cpu.Server.TotalSeconds:0.0} s ({window.Cpu.Server.TotalSeconds / cores:P0} of {Environment.ProcessorCount} cores), {CpuUse.PerDelivery(window.Cpu.Server, window.Delivered):0.00} µs per delivery; " +
            $"load generator {window.Cpu.Generator.TotalSeconds:0.0} s ({window.Cpu.Generator.TotalSeconds / cores:P0}), {CpuUse.PerDelivery(window.Cpu.Generator, window.Delivered):0.00} µs per delivery");
    }

    private static string Percentiles(LatencyHistogram latency) => string.Create(C,
        $"p50 {latency.PercentileMilliseconds(50):0.00} ms, p99 {latency.PercentileMilliseconds(99):0.00} ms, p99.9 {latency.PercentileMilliseconds(99.9):0.00} ms");

    private static string Difference(LatencyHistogram node, LatencyHistogram reference, double percent) =>
        (node.PercentileMilliseconds(percent) - reference.PercentileMilliseconds(percent)).ToString("+0.00;−0.00;0.00", C);

    private static string Received(NodeWindow node)
    {
        var missed = node.ExpectedAllRun - node.DeliveredAllRun;
        return string.Create(C, $"node {node.Name} received {node.DeliveredAllRun:N0} of {node.ExpectedAllRun:N0} deliveries{(missed > 0 ? $" ({missed:N0} missed)" : "")}");
    }

    private static void Line(StringBuilder report, FormattableString line) => report.AppendLine(line.ToString(C));
}
