using System.Globalization;
using System.Runtime.InteropServices;
using RealtimeApp.LoadBench;

// dotnet run -c Release --project bench/RealtimeApp.LoadBench -- fanout|idle|http|all [--transport ws|sse] [--connections N]
//   [--rooms N] [--rate DELIVERIES_PER_SECOND] [--publishers N] [--warmup S] [--seconds S] [--idle-connections N]
//   [--settle S] [--clients N] [--path /api/trpc/…]
// Loopback only; each run starts its own app process on a fresh database and stops it at the end.
var what = args.FirstOrDefault(arg => !arg.StartsWith("--", StringComparison.Ordinal)) ?? "all";
Console.WriteLine($"{RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}");

if (what is "fanout" or "all")
{
    var rates = Option("--rate") is { } rate ? [int.Parse(rate, CultureInfo.InvariantCulture)] : new[] { 50_000, 200_000 };
    foreach (var deliveriesPerSecond in rates)
    {
        await new FanoutRun(new FanoutSettings(
            Number("--connections", 1_000), Number("--rooms", 10), deliveriesPerSecond,
            // The warm-up outlasts tiered JIT compilation and the first keep-alive round, so the window is steady state.
            Number("--publishers", 2), Number("--warmup", 30), Number("--seconds", 15), Transport())).RunAsync();
    }
}

if (what is "idle" or "all")
{
    await new IdleRun(Number(what == "idle" ? "--connections" : "--idle-connections", 10_000), Number("--settle", 5), Transport()).RunAsync();
}

if (what is "http" or "all")
{
    await new HttpRun(Number("--clients", 64), Number("--warmup", 10), Number("--seconds", 15), Option("--path")).RunAsync();
}

return 0;

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

string Transport() => Option("--transport") is "sse" ? "sse" : "ws";

int Number(string name, int fallback) => Option(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
