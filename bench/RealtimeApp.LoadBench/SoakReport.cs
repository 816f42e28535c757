using System.Globalization;
using System.Text;

namespace RealtimeApp.LoadBench;

/// <summary>Prints a soak run: one line per minute as it ends, then the summary recorded in docs/benchmarks.md.</summary>
public static class SoakReport
{
    public const string MinuteHeader =
        "minute  deliveries  replayed  p50 ms  p99 ms  p99.9 ms  RSS MiB  GC pause ms  gen0/1/2  server conns  held  reconnects  queries  errors";

    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string MinuteLine(SoakMinute m) => string.Create(C,
        $"{m.Minute,6}  {m.Delivered,10:N0}  {m.Replayed,8:N0}  {m.P50Milliseconds,6:0.00}  {m.P99Milliseconds,6:0.00}  {m.P999Milliseconds,8:0.00}  {Mib(m.ResidentBytes),7:0.0}  {m.GcPauseSeconds * 1000,11:0.0}  {$"{m.Gen0}/{m.Gen1}/{m.Gen2}",8}  {m.Server.ApiConnections,12:N0}  {m.Held,4:N0}  {m.Reconnects,10:N0}  {m.Queries,7:N0}  {m.Errors,6:N0}");

    public static void Write(
        SoakSettings settings, IReadOnlyList<SoakMinute> minutes, SoakErrors errors, SoakMeasures measures, ServerMetrics before, ServerMetrics after, long setupRss, int heldAtEnd)
    {
        var report = new StringBuilder();
        Line(report, $"soak (ws): {settings.Connections:N0} subscribed connections, {settings.Rooms} rooms ({settings.Connections / settings.Rooms} subscribers each), {minutes.Count} min");
        Line(report, $"  traffic         {settings.MessagesPerSecond:0.#} messages/s by {settings.Publishers} publishers ({settings.DeliveriesPerSecond:N0} deliveries/s), {settings.QueriesPerSecond} queries/s, {settings.ReconnectsPerSecond} reconnects/s");
        Line(report, $"  held            {minutes.Min(m => m.Held):N0}–{minutes.Max(m => m.Held):N0} subscribed connections at the minute marks, {heldAtEnd:N0} at the end; server API connections {minutes.Min(m => m.Server.ApiConnections):N0}–{minutes.Max(m => m.Server.ApiConnections):N0}, subscriptions {minutes.Min(m => m.Server.Subscriptions):N0}–{minutes.Max(m => m.Server.Subscriptions):N0}");
        var first = minutes[0];
        var middle = minutes.FirstOrDefault(m => m.Minute == 5) ?? minutes[minutes.Count / 2];
        var last = minutes[^1];
        Line(report, $"  server RSS      after set-up {Mib(setupRss):0.0} MiB; minute {first.Minute} {Mib(first.ResidentBytes):0.0}, minute {middle.Minute} {Mib(middle.ResidentBytes):0.0}, minute {last.Minute} {Mib(last.ResidentBytes):0.0} MiB: {Change(first.ResidentBytes, last.ResidentBytes)} from minute {first.Minute} to {last.Minute}");
        Line(report, $"  GC heap         after the last collection: minute {first.Minute} {Mib(first.Server.HeapBytes):0.0}, minute {last.Minute} {Mib(last.Server.HeapBytes):0.0} MiB");
        Line(report, $"  p99 per minute  {minutes.Min(m => m.P99Milliseconds):0.00}–{minutes.Max(m => m.P99Milliseconds):0.00} ms (p50 {minutes.Min(m => m.P50Milliseconds):0.00}–{minutes.Max(m => m.P50Milliseconds):0.00} ms), live deliveries only");
        Line(report, $"  GC pauses       {minutes.Sum(m => m.GcPauseSeconds) * 1000:0} ms over the {minutes.Count} min ({minutes.Min(m => m.GcPauseSeconds) * 1000:0.0}–{minutes.Max(m => m.GcPauseSeconds) * 1000:0.0} ms a minute); collections gen0 {minutes.Sum(m => m.Gen0)}, gen1 {minutes.Sum(m => m.Gen1)}, gen2 {minutes.Sum(m => m.Gen2)}; {before.GcPauseSeconds * 1000:0} ms before the traffic");
        Line(report, $"  deliveries      {measures.Delivered:N0} ({measures.Replayed:N0} of them replayed on a resume); chat.send answered p50 {measures.Acks.PercentileMilliseconds(50):0.00} ms, p99 {measures.Acks.PercentileMilliseconds(99):0.00} ms");
        Line(report, $"  queries         {measures.QueriesAnswered:N0} answered, p50 {measures.Queries.PercentileMilliseconds(50):0.00} ms, p99 {measures.Queries.PercentileMilliseconds(99):0.00} ms; reconnects {measures.Reconnects:N0}");
        Line(report, $"  server counters events dropped {after.EventsDropped - before.EventsDropped}, stream resyncs {after.StreamResyncs - before.StreamResyncs}");
        Line(report, $"  errors          {errors.Total}: {errors.Summary()}{(errors.MissedInGaps > 0 ? $" ({errors.MissedInGaps} messages skipped by the gaps)" : "")}");
        Console.Write(report.ToString());
    }

    private static double Mib(long bytes) => bytes / 1048576.0;

    private static string Change(long from, long to) => ((to - from) * 100.0 / from).ToString("+0.0;−0.0;0.0", C) + " %";

    private static void Line(StringBuilder report, FormattableString line) => report.AppendLine(line.ToString(C));
}
