using System.Globalization;
using System.Runtime.InteropServices;
using RealtimeApp.LoadBench;

// dotnet run -c Release --project bench/RealtimeApp.LoadBench -- fanout|idle|http|all|soak [--transport ws|sse] [--client socket|library|enumerable] [--connections N]
//   [--rooms N] [--rate DELIVERIES_PER_SECOND] [--publishers N] [--warmup S] [--seconds S] [--idle-connections N]
//   [--settle S] [--clients N] [--path /api/trpc/…]
//   [--nodes N --postgres "Host=127.0.0.1;Port=55432;Username=postgres" --redis 127.0.0.1:56379]   (fanout only)
//   soak [--connections 5000] [--rooms 50] [--minutes 10] [--rate DELIVERIES_PER_SECOND (2000)] [--publishers 2]
//        [--queries PER_SECOND (20)] [--reconnects PER_SECOND (10)]   (not part of all; exits 1 if it counted any error)
// Loopback only; each run starts its own app process on a fresh database and stops it at the end: by default one node
// on its own SQLite file. With --nodes (servers from bench/postgres.sh start and bench/redis.sh start), N nodes on one
// fresh PostgreSQL database (dropped at the end) and one Redis channel, each room's subscribers spread over the nodes,
// the publishers on node A, and each node's figures apart; --nodes 1 gives the single-node figure on the same engines.
var what = args.FirstOrDefault(arg => !arg.StartsWith("--", StringComparison.Ordinal)) ?? "all";
ClusterSettings? cluster;
try
{
    cluster = Option("--nodes") is { } nodes ? new ClusterSettings(int.Parse(nodes, CultureInfo.InvariantCulture), Required("--postgres"), Required("--redis"))
        : Option("--postgres") is null && Option("--redis") is null ? null
        : throw new ArgumentException("--postgres and --redis go with --nodes N (--nodes 1 for one node on them).");
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine("error: " + exception.Message);
    return 2;
}

Console.WriteLine($"{RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}");

// Ctrl-C (or SIGTERM) ends a fan-out or soak run through its clean-up: nodes stopped, database dropped. A second one
// ends it at once.
using var stopping = new CancellationTokenSource();
using var interrupt = what is "fanout" or "all" or "soak" ? PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop) : null;
using var terminate = what is "fanout" or "all" or "soak" ? PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop) : null;

if (what is "soak")
{
    var connections = Number("--connections", 5_000);
    if (FileLimit.Current() is { } files && files < connections + 1_000)
    {
        Console.Error.WriteLine($"error: {connections} connections need more open files than the limit of {files} (each side holds one socket per connection): raise it with `ulimit -n`.");
        return 2;
    }

    try
    {
        var errors = await new SoakRun(new SoakSettings(
            connections, Number("--rooms", 50), Number("--minutes", 10), Number("--rate", 2_000), Number("--publishers", 2),
            Number("--queries", 20), Number("--reconnects", 10))).RunAsync(stopping.Token);
        return errors == 0 ? 0 : 1;
    }
    catch (OperationCanceledException) when (stopping.IsCancellationRequested)
    {
        Console.Error.WriteLine("stopped: the app is down and the run's database is gone");
        return 130;
    }
}

if (what is "fanout" or "all")
{
    var rates = Option("--rate") is { } rate ? [int.Parse(rate, CultureInfo.InvariantCulture)] : new[] { 50_000, 200_000 };
    try
    {
        foreach (var deliveriesPerSecond in rates)
        {
            await new FanoutRun(new FanoutSettings(
                Number("--connections", 1_000), Number("--rooms", 10), deliveriesPerSecond,
                // The warm-up outlasts tiered JIT compilation and the first keep-alive round, so the window is steady state.
                Number("--publishers", 2), Number("--warmup", 30), Number("--seconds", 15), Transport(), cluster, Client("library"))).RunAsync(stopping.Token);
        }
    }
    catch (OperationCanceledException) when (stopping.IsCancellationRequested)
    {
        Console.Error.WriteLine("stopped: the app nodes are down and the run's database is gone");
        return 130;
    }
}

if (what is "idle" or "all")
{
    await new IdleRun(Number(what == "idle" ? "--connections" : "--idle-connections", 10_000), Number("--settle", 5), Transport(), Client("socket")).RunAsync();
}

if (what is "http" or "all")
{
    await new HttpRun(Number("--clients", 64), Number("--warmup", 10), Number("--seconds", 15), Option("--path")).RunAsync();
}

return 0;

void Stop(PosixSignalContext context)
{
    if (!stopping.IsCancellationRequested)
    {
        context.Cancel = true;
        stopping.Cancel();
    }
}

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

string Required(string name) => Option(name) ?? throw new ArgumentException($"--nodes needs {name} too (see the usage at the top of Program.cs).");

string Transport() => Option("--transport") is "sse" ? "sse" : "ws";

// What a WebSocket subscriber is: the API's .NET client, RealtimeApp.Client (library: with a handler, the fan-out's
// default; enumerable: its IAsyncEnumerable), or a raw socket that reads timestamps from the frames' bytes (socket; the
// idle run's default, authenticating by connectionParams).
string Client(string fallback) => Option("--client") switch
{
    null => fallback,
    var chosen when chosen is "library" or "enumerable" or "socket" => chosen,
    var other => throw new ArgumentException($"--client is library, enumerable or socket, not '{other}'."),
};

int Number(string name, int fallback) => Option(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
