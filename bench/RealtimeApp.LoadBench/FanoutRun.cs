using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace RealtimeApp.LoadBench;

/// <summary>
/// N connections subscribed to <c>chat.onMessage</c> across R rooms; publishers post through <c>chat.send</c>
/// (persisted like any message) at a set rate; reports deliveries/s and publish→receive latency.
/// </summary>
public sealed class FanoutRun(FanoutSettings settings)
{
    private const int MaxInFlightPerPublisher = 2_000;

    private readonly List<ISubscriberConnection> _sockets = [];
    private readonly HttpClient _http = Http.CreateClient();
    private LatencyHistogram? _measuring;
    private LatencyHistogram? _measuringAcks;
    private long _deliveries;
    private long _acknowledged;
    private long _refused;
    private long _skipped;

    public async Task RunAsync()
    {
        var (app, token) = await AppProcess.StartWithBenchUserAsync(settings.Connections + settings.Publishers + 1);
        await using var _ = app;
        using var run = new CancellationTokenSource();
        try
        {
            var rooms = await CreateRoomsAsync(app, token, run.Token);
            await SubscribeAsync(app, token, rooms, run.Token);
            var publishers = await ConnectPublishersAsync(app, token, run.Token);
            var messagesPerSecond = (double)settings.DeliveriesPerSecond / (settings.Connections / settings.Rooms);
            var publishing = publishers.Select((p, i) => PublishAsync(p, rooms, messagesPerSecond / publishers.Count, i, run.Token)).ToList();

            await Task.Delay(TimeSpan.FromSeconds(settings.WarmupSeconds));
            var histogram = new LatencyHistogram();
            var acks = new LatencyHistogram();
            Volatile.Write(ref _measuringAcks, acks);
            Volatile.Write(ref _measuring, histogram);
            var (deliveries, acknowledged, skipped, started) =
                (Interlocked.Read(ref _deliveries), Interlocked.Read(ref _acknowledged), Interlocked.Read(ref _skipped), Stopwatch.GetTimestamp());
            await Task.Delay(TimeSpan.FromSeconds(settings.Seconds));
            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var delivered = Interlocked.Read(ref _deliveries) - deliveries;
            var posted = Interlocked.Read(ref _acknowledged) - acknowledged;
            skipped = Interlocked.Read(ref _skipped) - skipped;
            Volatile.Write(ref _measuring, null);
            Volatile.Write(ref _measuringAcks, null);
            var rss = app.ResidentBytes;
            var closed = _sockets.Count(socket => socket.ClosedByServer);

            await run.CancelAsync();
            await Task.WhenAll(publishing);
            Report(elapsed, delivered, posted, skipped, histogram, acks, rss, messagesPerSecond, closed);
        }
        finally
        {
            await run.CancelAsync();
            foreach (var socket in _sockets)
            {
                await socket.DisposeAsync();
            }

            _http.Dispose();
        }
    }

    private async Task<List<string>> CreateRoomsAsync(AppProcess app, string token, CancellationToken ct)
    {
        var admin = await ApiSocket.ConnectAsync(app.ApiAddress, token, ct);
        _sockets.Add(admin);
        var rooms = new List<string>();
        for (var i = 0; i < settings.Rooms; i++)
        {
            var created = await admin.RequestAsync($$$"""{"id":{{{i + 1}}},"method":"mutation","params":{"input":{"name":"load-{{{i}}}"},"path":"rooms.create"}}""", ct);
            using var json = JsonDocument.Parse(created);
            rooms.Add(json.RootElement.GetProperty("result").GetProperty("data").GetProperty("id").GetString()!);
        }

        return rooms;
    }

    private async Task SubscribeAsync(AppProcess app, string token, List<string> rooms, CancellationToken ct)
    {
        const int batch = 50;
        for (var first = 0; first < settings.Connections; first += batch)
        {
            var subscribers = await Task.WhenAll(Enumerable.Range(first, Math.Min(batch, settings.Connections - first))
                .Select(i => SubscribeAsync(app, token, rooms[i % rooms.Count], ct)));
            foreach (var socket in subscribers)
            {
                _sockets.Add(socket);
                socket.StartReceiving(OnDelivery, ct);
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
            var publisher = new Publisher(await ApiSocket.ConnectAsync(app.ApiAddress, token, ct));
            _sockets.Add(publisher.Socket);
            publishers.Add(publisher);
            publisher.Socket.StartReceiving(frame => OnAnswer(publisher, frame), ct);
        }

        return publishers;
    }

    private void OnDelivery(ReadOnlySpan<byte> frame)
    {
        if (FrameText.TryReadTimestamp(frame, out var sent))
        {
            Interlocked.Increment(ref _deliveries);
            Volatile.Read(ref _measuring)?.Record(sent);
        }
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
            if (FrameText.TryReadTimestamp(frame, out var sent))
            {
                Volatile.Read(ref _measuringAcks)?.Record(sent);
            }
        }
    }

    private async Task PublishAsync(Publisher publisher, List<string> rooms, double perSecond, int index, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(5));
        var started = Stopwatch.GetTimestamp();
        long due = 0;
        long sent = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var dueNow = (long)(Stopwatch.GetElapsedTime(started).TotalSeconds * perSecond);
                for (; due < dueNow; due++)
                {
                    if (sent - Interlocked.Read(ref publisher.Answered) > MaxInFlightPerPublisher)
                    {
                        Interlocked.Increment(ref _skipped);
                        continue;
                    }

                    sent++;
                    var room = rooms[(int)((sent + index) % rooms.Count)];
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

    private void Report(double seconds, long delivered, long posted, long skipped, LatencyHistogram latency, LatencyHistogram acks, long rss, double targetMessagesPerSecond, int closed)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"""
            fan-out ({settings.Transport}): {settings.Connections} subscribed connections, {settings.Rooms} rooms ({settings.Connections / settings.Rooms} subscribers each), {settings.Publishers} publishers
              target          {settings.DeliveriesPerSecond:N0} deliveries/s ({targetMessagesPerSecond:N0} messages/s)
              achieved        {delivered / seconds:N0} deliveries/s, {posted / seconds:N0} messages/s persisted (measured over {seconds:0.0} s)
              latency         p50 {latency.PercentileMilliseconds(50):0.00} ms, p99 {latency.PercentileMilliseconds(99):0.00} ms, p99.9 {latency.PercentileMilliseconds(99.9):0.00} ms ({latency.Count:N0} samples)
              chat.send ack   p50 {acks.PercentileMilliseconds(50):0.00} ms, p99 {acks.PercentileMilliseconds(99):0.00} ms (persisted and answered)
              refused         {Interlocked.Read(ref _refused):N0}; skipped (over {MaxInFlightPerPublisher} in flight) {skipped:N0}; connections closed by the server {closed}
              server RSS      {rss / 1024.0 / 1024:0.0} MiB
            """));
    }

    private sealed class Publisher(ApiSocket socket)
    {
        public long Answered;

        public ApiSocket Socket { get; } = socket;
    }
}
