using System.Diagnostics;

namespace RealtimeApp.LoadBench;

/// <summary>
/// N connections subscribed to <c>chat.onMessage</c> across R rooms; publishers post through <c>chat.send</c>
/// (persisted like any message) at a set rate; reports deliveries/s and publish→receive latency. On several nodes,
/// each room's subscribers take turns over the nodes and the publishers post on node A, so every message reaches the
/// other nodes' subscribers through the backplane; each node's figures are reported apart.
/// </summary>
public sealed class FanoutRun(FanoutSettings settings)
{
    public const int MaxInFlightPerPublisher = 2_000;

    // Generous bounds: the run ends with its clean-up rather than hang on a node that stopped answering.
    private static readonly TimeSpan SetupAllowance = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan DrainStall = TimeSpan.FromSeconds(2);

    private readonly List<ISubscriberConnection> _sockets = [];
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
            var publishingTasks = publishers.Select(p => PublishAsync(p, rooms, messagesPerSecond / publishers.Count, publishing.Token, run.Token)).ToList();

            await Task.Delay(TimeSpan.FromSeconds(settings.WarmupSeconds), run.Token);
            var acks = new LatencyHistogram();
            Volatile.Write(ref _measuringAcks, acks);
            nodes.ForEach(node => node.StartMeasuring());
            var deliveredBefore = nodes.Select(node => node.Delivered).ToList();
            var (acknowledged, skipped, started) = (Interlocked.Read(ref _acknowledged), Interlocked.Read(ref _skipped), Stopwatch.GetTimestamp());
            await Task.Delay(TimeSpan.FromSeconds(settings.Seconds), run.Token);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var delivered = nodes.Select((node, i) => node.Delivered - deliveredBefore[i]).ToList();
            var posted = Interlocked.Read(ref _acknowledged) - acknowledged;
            skipped = Interlocked.Read(ref _skipped) - skipped;
            var latencies = nodes.Select(node => node.StopMeasuring()).ToList();
            Volatile.Write(ref _measuringAcks, null);
            var rss = nodes.Select(node => node.App.ResidentBytes).ToList();
            var closed = _sockets.Count(socket => socket.ClosedByServer);
            var closedPerNode = nodes.Select(node => node.ClosedByServer).ToList();

            await publishing.CancelAsync();
            await Task.WhenAll(publishingTasks);
            var window = new FanoutWindow(
                elapsed, delivered.Sum(), posted, skipped, Interlocked.Read(ref _refused), LatencyHistogram.Merge(latencies), acks, closed, messagesPerSecond);
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
            foreach (var socket in _sockets)
            {
                await socket.DisposeAsync();
            }
        }
    }

    private async Task<List<string>> CreateRoomsAsync(AppProcess app, string token, CancellationToken ct)
    {
        var admin = await ApiSocket.ConnectAsync(app.ApiAddress, token, ct);
        _sockets.Add(admin);
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
                _sockets.Add(connection);
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

        var socket = await ApiSocket.ConnectAsync(app.ApiAddress, token, ct);
        var started = await socket.RequestAsync($$$"""{"id":1,"method":"subscription","params":{"input":{"roomId":"{{{roomId}}}"},"path":"chat.onMessage"}}""", ct);
        return started.Contains("\"started\"", StringComparison.Ordinal) ? socket : throw new InvalidOperationException(started);
    }

    private async Task<List<Publisher>> ConnectPublishersAsync(AppProcess app, string token, CancellationToken ct)
    {
        var publishers = new List<Publisher>();
        for (var i = 0; i < settings.Publishers; i++)
        {
            var publisher = new Publisher(await ApiSocket.ConnectAsync(app.ApiAddress, token, ct), i);
            _sockets.Add(publisher.Socket);
            publishers.Add(publisher);
            publisher.Socket.StartReceiving(frame => OnAnswer(publisher, frame), ct);
        }

        return publishers;
    }

    private void OnAnswer(Publisher publisher, ReadOnlySpan<byte> frame)
    {
        Interlocked.Increment(ref publisher.Answered);
        if (FrameText.IsError(frame))
        {
            if (Interlocked.Increment(ref _refused) == 1)
            {
                Console.Error.WriteLine("first refusal: " + System.Text.Encoding.UTF8.GetString(frame));
            }
        }
        else
        {
            Interlocked.Increment(ref _acknowledged);
            if (FrameText.TryReadRequestId(frame, out var id))
            {
                Interlocked.Increment(ref _acknowledgedPerRoom[publisher.RoomIndex(id, _acknowledgedPerRoom.Length)]);
            }

            if (FrameText.TryReadTimestamp(frame, out var sent))
            {
                Volatile.Read(ref _measuringAcks)?.Record(sent);
            }
        }
    }

    /// <summary>
    /// Posts at <paramref name="perSecond"/> until <paramref name="stop"/>; a send under way finishes (cancelling it would
    /// abort the socket after the server may have stored the message, which then never gets its answer counted).
    /// </summary>
    private async Task PublishAsync(Publisher publisher, List<string> rooms, double perSecond, CancellationToken stop, CancellationToken ct)
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

                    var sent = Interlocked.Increment(ref publisher.Sent);
                    var room = rooms[publisher.RoomIndex(sent, rooms.Count)];
                    await publisher.Socket.SendAsync(
                        $$$"""{"id":{{{sent}}},"method":"mutation","params":{"input":{"roomId":"{{{room}}}","text":"{{{FrameText.Message(Stopwatch.GetTimestamp())}}}"},"path":"chat.send"}}""", ct);
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

    private sealed class Publisher(ApiSocket socket, int index)
    {
        public long Sent;
        public long Answered;

        public ApiSocket Socket { get; } = socket;

        /// <summary>The room of request <paramref name="id"/>: each publisher goes round the rooms from its own offset.</summary>
        public int RoomIndex(long id, int rooms) => (int)((id + index) % rooms);
    }
}
