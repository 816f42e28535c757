using System.Diagnostics;
using RealtimeApp.Client;

namespace RealtimeApp.LoadBench;

/// <summary>
/// N connections subscribed to <c>chat.onMessage</c> across R rooms; publishers post through <c>chat.send</c>
/// (persisted like any message) at a set rate through the API's .NET client; subscribers are the .NET client, raw
/// sockets or SSE streams. Reports deliveries/s, publish→receive latency, and the CPU the server and the generator
/// spent. On several nodes, each room's subscribers take turns over the nodes and the publishers post on node A, so
/// every message reaches the other nodes' subscribers through the backplane; each node's figures are reported apart.
/// </summary>
public sealed class FanoutRun(FanoutSettings settings)
{
    public const int MaxInFlightPerPublisher = 2_000;

    // Generous bounds: the run ends with its clean-up rather than hang on a node that stopped answering.
    private static readonly TimeSpan SetupAllowance = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan DrainStall = TimeSpan.FromSeconds(2);

    private readonly List<IAsyncDisposable> _connections = [];
    private readonly HttpClient _http = Http.CreateClient();
    private LatencyHistogram? _measuringAcks;
    private long[] _acknowledgedPerRoom = [];
    private long _acknowledged;
    private long _refused;
    private long _skipped;

    /// <summary>Runs to the end, or until <paramref name="stopping"/> fires (Ctrl-C); the nodes are stopped either way.</summary>
    public async Task RunAsync(CancellationToken stopping = default)
    {
        var limit = SetupAllowance + TimeSpan.FromSeconds(settings.WarmupSeconds + settings.Seconds) + DrainLimit;
        using var run = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        run.CancelAfter(limit);
        var running = Stopwatch.StartNew();
        try
        {
            await RunAsync(run);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested && running.Elapsed >= limit)
        {
            throw new TimeoutException($"The fan-out run did not finish within {limit.TotalMinutes:0} minutes; its nodes are stopped.");
        }
        finally
        {
            _http.Dispose();
        }
    }

    private async Task RunAsync(CancellationTokenSource run)
    {
        await using var cluster = await AppCluster.StartAsync(settings.Cluster, settings.Connections + settings.Publishers + 1, run.Token);
        var entry = cluster.Nodes[0];
        var nodes = cluster.Nodes.Select((app, i) => new NodeSubscribers(AppCluster.NodeName(i), app, settings.Rooms)).ToList();
        using var publishing = CancellationTokenSource.CreateLinkedTokenSource(run.Token);
        try
        {
            var rooms = await CreateRoomsAsync(entry, cluster.Token, run.Token);
            _acknowledgedPerRoom = new long[rooms.Count];
            await SubscribeAsync(nodes, cluster.Token, rooms, run.Token);
            var publishers = await ConnectPublishersAsync(entry, cluster.Token, run.Token);
            var messagesPerSecond = (double)settings.DeliveriesPerSecond / (settings.Connections / settings.Rooms);
            var publishingTasks = publishers.Select(p => PublishAsync(p, rooms, messagesPerSecond / publishers.Count, publishing.Token)).ToList();

            await Task.Delay(TimeSpan.FromSeconds(settings.WarmupSeconds), run.Token);
            var acks = new LatencyHistogram();
            Volatile.Write(ref _measuringAcks, acks);
            nodes.ForEach(node => node.StartMeasuring());
            var deliveredBefore = nodes.Select(node => node.Delivered).ToList();
            var (acknowledged, skipped, started) = (Interlocked.Read(ref _acknowledged), Interlocked.Read(ref _skipped), Stopwatch.GetTimestamp());
            var (serverCpu, generatorCpu) = (cluster.Nodes.Sum(node => node.CpuTime.Ticks), Environment.CpuUsage.TotalTime);
            await Task.Delay(TimeSpan.FromSeconds(settings.Seconds), run.Token);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var cpu = new CpuUse(TimeSpan.FromTicks(cluster.Nodes.Sum(node => node.CpuTime.Ticks) - serverCpu), Environment.CpuUsage.TotalTime - generatorCpu);
            var delivered = nodes.Select((node, i) => node.Delivered - deliveredBefore[i]).ToList();
            var posted = Interlocked.Read(ref _acknowledged) - acknowledged;
            skipped = Interlocked.Read(ref _skipped) - skipped;
            var latencies = nodes.Select(node => node.StopMeasuring()).ToList();
            Volatile.Write(ref _measuringAcks, null);
            var rss = nodes.Select(node => node.App.ResidentBytes).ToList();
            var closed = nodes.Sum(node => node.ClosedByServer) + publishers.Count(p => p.Client.State.Phase != ConnectionPhase.Open);
            var closedPerNode = nodes.Select(node => node.ClosedByServer).ToList();

            await publishing.CancelAsync();
            await Task.WhenAll(publishingTasks);
            var window = new FanoutWindow(
                elapsed, delivered.Sum(), posted, skipped, Interlocked.Read(ref _refused), LatencyHistogram.Merge(latencies), acks, closed, messagesPerSecond, cpu);
            if (settings.Cluster is null)
            {
                FanoutReport.WriteSingleNode(settings, window, rss[0]);
                return;
            }

            await DrainAsync(publishers, nodes, run.Token);
            FanoutReport.WriteNodes(settings, window, nodes.Select((node, i) => new NodeWindow(
                node.Name, node.Count, delivered[i], latencies[i], rss[i], closedPerNode[i], node.Delivered, node.Expected(_acknowledgedPerRoom))).ToList());
        }
        finally
        {
            await run.CancelAsync();
            foreach (var connection in _connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private async Task<List<string>> CreateRoomsAsync(AppProcess app, string token, CancellationToken ct)
    {
        var admin = BenchClients.Create(app.ApiAddress, token);
        _connections.Add(admin);
        return await BenchRooms.CreateAsync(admin, settings.Rooms, ct);
    }

    private async Task SubscribeAsync(List<NodeSubscribers> nodes, string token, List<string> rooms, CancellationToken ct)
    {
        const int batch = 50;
        for (var first = 0; first < settings.Connections; first += batch)
        {
            var subscribers = await Task.WhenAll(Enumerable.Range(first, Math.Min(batch, settings.Connections - first)).Select(async i =>
            {
                // Connection i follows room i mod R; each round over the rooms goes to the next node, so every room has
                // followers on every node (half on each of two).
                var node = nodes[i / rooms.Count % nodes.Count];
                var room = i % rooms.Count;
                return (node, room, Connection: await SubscribeAsync(node.App, token, rooms[room], ct));
            }));
            foreach (var (node, room, connection) in subscribers)
            {
                _connections.Add(connection);
                node.Add(connection, room, ct);
            }
        }
    }

    private async Task<ISubscriberConnection> SubscribeAsync(AppProcess app, string token, string roomId, CancellationToken ct)
    {
        if (settings.Transport == "sse")
        {
            return await SseSubscriber.OpenAsync(_http, app.BaseAddress, token, roomId, ct);
        }

        return settings.Client == "socket"
            ? await SocketSubscriber.SubscribeAsync(app.ApiAddress, token, roomId, ct)
            : await ClientSubscriber.ConnectAsync(app.ApiAddress, token, roomId, enumerable: settings.Client == "enumerable", ct);
    }

    private async Task<List<Publisher>> ConnectPublishersAsync(AppProcess app, string token, CancellationToken ct)
    {
        var publishers = new List<Publisher>();
        for (var i = 0; i < settings.Publishers; i++)
        {
            var publisher = new Publisher(BenchClients.Create(app.ApiAddress, token), i);
            _connections.Add(publisher.Client);
            await publisher.Client.WaitUntilOpenAsync(ct);
            publishers.Add(publisher);
        }

        return publishers;
    }

    /// <summary>Posts one message and counts its answer: acknowledged (persisted) with its latency, or refused.</summary>
    private async Task PostAsync(Publisher publisher, string roomId, int room)
    {
        var sent = Stopwatch.GetTimestamp();
        try
        {
            await publisher.Client.Chat.SendAsync(roomId, FrameText.Message(sent));
            Interlocked.Increment(ref _acknowledged);
            Interlocked.Increment(ref _acknowledgedPerRoom[room]);
            Volatile.Read(ref _measuringAcks)?.Record(sent);
        }
        catch (Exception exception) when (exception is RealtimeApiException or RealtimeConnectionException)
        {
            if (Interlocked.Increment(ref _refused) == 1)
            {
                Console.Error.WriteLine($"first refusal: {exception.Message}");
            }
        }
        finally
        {
            Interlocked.Increment(ref publisher.Answered);
        }
    }

    /// <summary>
    /// Posts at <paramref name="perSecond"/> until <paramref name="stop"/>, up to <see cref="MaxInFlightPerPublisher"/>
    /// unanswered at a time; posts under way are not cancelled (the server may have stored them: their answers count).
    /// </summary>
    private async Task PublishAsync(Publisher publisher, List<string> rooms, double perSecond, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(5));
        var started = Stopwatch.GetTimestamp();
        long due = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var dueNow = (long)(Stopwatch.GetElapsedTime(started).TotalSeconds * perSecond);
                for (; due < dueNow && !stop.IsCancellationRequested; due++)
                {
                    if (publisher.Sent - Interlocked.Read(ref publisher.Answered) > MaxInFlightPerPublisher)
                    {
                        Interlocked.Increment(ref _skipped);
                        continue;
                    }

                    var room = publisher.RoomIndex(Interlocked.Increment(ref publisher.Sent), rooms.Count);
                    _ = PostAsync(publisher, rooms[room], room);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    /// <summary>
    /// After the publishers stop: waits until every message sent is answered and every node's subscribers have what the
    /// acknowledged ones should bring them, or until deliveries stall, so the whole-run counts compare like with like.
    /// </summary>
    private async Task DrainAsync(List<Publisher> publishers, List<NodeSubscribers> nodes, CancellationToken ct)
    {
        var draining = Stopwatch.StartNew();
        var still = Stopwatch.StartNew();
        long last = -1;
        while (draining.Elapsed < DrainLimit && still.Elapsed < DrainStall)
        {
            var answered = publishers.All(p => Interlocked.Read(ref p.Answered) >= Interlocked.Read(ref p.Sent));
            if (answered && nodes.All(node => node.Delivered >= node.Expected(_acknowledgedPerRoom)))
            {
                return;
            }

            var delivered = nodes.Sum(node => node.Delivered) + publishers.Sum(p => Interlocked.Read(ref p.Answered));
            if (delivered != last)
            {
                last = delivered;
                still.Restart();
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }
    }

    private sealed class Publisher(RealtimeClient client, int index)
    {
        public long Sent;
        public long Answered;

        public RealtimeClient Client { get; } = client;

        /// <summary>The room of post <paramref name="number"/>: each publisher goes round the rooms from its own offset.</summary>
        public int RoomIndex(long number, int rooms) => (int)((number + index) % rooms);
    }
}
