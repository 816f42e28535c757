using System.Diagnostics;
using RealtimeApp.Client;

namespace RealtimeApp.LoadBench;

/// <summary>
/// Holds N authenticated subscribed connections for M minutes under steady traffic (posts, queries, reconnects that
/// resume with <c>lastEventId</c>) on one Release app process of its own; reports per minute the publish→receive
/// latency, the server's RSS and GC pauses, and every error by kind. Returns the number of errors.
/// </summary>
public sealed class SoakRun(SoakSettings settings)
{
    private const int Batch = 50;
    private static readonly TimeSpan SetupAllowance = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan DrainStall = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(5);

    private readonly SoakErrors _errors = new();
    private readonly SoakMeasures _measures = new();
    private readonly HttpClient _http = Http.CreateClient();
    private readonly List<SoakSubscriber> _subscribers = [];
    private readonly List<SoakPublisher> _publishers = [];

    /// <summary>Runs to the end, or until <paramref name="stopping"/> fires (Ctrl-C); the app is stopped and its database deleted either way.</summary>
    public async Task<long> RunAsync(CancellationToken stopping)
    {
        var limit = SetupAllowance + TimeSpan.FromMinutes(settings.Minutes) + DrainLimit + SoakSettings.Timeout * 2;
        using var run = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        run.CancelAfter(limit);
        var running = Stopwatch.StartNew();
        try
        {
            return await RunAsync(run);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested && running.Elapsed >= limit)
        {
            throw new TimeoutException($"The soak run did not finish within {limit.TotalMinutes:0} minutes; its app is stopped.");
        }
        finally
        {
            _http.Dispose();
        }
    }

    private async Task<long> RunAsync(CancellationTokenSource run)
    {
        // Room for a reconnecting subscriber's new connection while the server still counts its old one.
        var connections = settings.Connections + settings.Publishers + 1 + Math.Max(100, settings.ReconnectsPerSecond * 10);
        var (app, token) = await AppProcess.StartWithBenchUserAsync(connections, run.Token);
        await using var _ = app;
        RealtimeClient? admin = null;
        using var traffic = CancellationTokenSource.CreateLinkedTokenSource(run.Token);
        try
        {
            admin = BenchClients.Create(app.ApiAddress, token);
            var rooms = new RoomSequences(await BenchRooms.CreateAsync(admin, settings.Rooms, run.Token));
            var setup = Stopwatch.StartNew();
            await SubscribeAsync(app, token, rooms, run.Token);
            await ConnectPublishersAsync(app, token, rooms, run.Token);
            var before = await ServerMetrics.ReadAsync(_http, app.BaseAddress, run.Token);
            var setupRss = app.ResidentBytes;
            Console.WriteLine($"set-up: {_subscribers.Count(s => s.Connected):N0} of {settings.Connections:N0} subscribers connected and subscribed in {setup.Elapsed.TotalSeconds:0.0} s; server RSS {setupRss / 1048576.0:0.0} MiB");

            var loops = _publishers.Select(p => p.PublishAsync(settings.MessagesPerSecond / settings.Publishers, traffic.Token, run.Token)).ToList();
            loops.Add(QueryAsync(rooms, traffic.Token, run.Token));
            loops.Add(ReconnectAsync(app, token, traffic.Token, run.Token));
            var minutes = await SampleMinutesAsync(app, before, run.Token);
            await traffic.CancelAsync();
            await Task.WhenAll(loops);
            await Task.WhenAll(_subscribers.Select(s => s.CheckAsync(app.ApiAddress, token, run.Token)));
            await DrainAsync(rooms, run.Token);
            CountWhatIsMissing(rooms);
            var after = await ServerMetrics.ReadAsync(_http, app.BaseAddress, run.Token);
            SoakReport.Write(settings, minutes, _errors, _measures, before, after, setupRss, _subscribers.Count(s => s.Connected));
            return _errors.Total;
        }
        finally
        {
            await run.CancelAsync();
            foreach (var subscriber in _subscribers)
            {
                await subscriber.CloseAsync(abrupt: false);
            }

            foreach (var publisher in _publishers)
            {
                await publisher.Socket.DisposeAsync();
            }

            if (admin is not null)
            {
                await admin.DisposeAsync();
            }
        }
    }

    private async Task SubscribeAsync(AppProcess app, string token, RoomSequences rooms, CancellationToken ct)
    {
        for (var first = 0; first < settings.Connections; first += Batch)
        {
            var batch = Enumerable.Range(first, Math.Min(Batch, settings.Connections - first))
                .Select(i => new SoakSubscriber(i % rooms.Ids.Count, rooms.Ids[i % rooms.Ids.Count], _errors, _measures))
                .ToList();
            _subscribers.AddRange(batch);
            await Task.WhenAll(batch.Select(subscriber => subscriber.OpenAsync(app.ApiAddress, token, ct)));
        }
    }

    private async Task ConnectPublishersAsync(AppProcess app, string token, RoomSequences rooms, CancellationToken ct)
    {
        for (var i = 0; i < settings.Publishers; i++)
        {
            var publisher = new SoakPublisher(i, await ApiSocket.ConnectAsync(app.ApiAddress, token, ct), rooms, _errors, _measures);
            _publishers.Add(publisher);
            publisher.StartReceiving(ct);
        }
    }

    /// <summary>Every tenth subscriber queries in turn: <c>rooms.list</c> and its room's <c>chat.history</c>, alternately.</summary>
    private async Task QueryAsync(RoomSequences rooms, CancellationToken stop, CancellationToken ct)
    {
        var queriers = _subscribers.Where((_, i) => i % 10 == 0).ToList();
        var inFlight = new List<Task>();
        var started = Stopwatch.GetTimestamp();
        long sent = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        try
        {
            while (settings.QueriesPerSecond > 0 && await timer.WaitForNextTickAsync(stop))
            {
                for (var due = (long)(Stopwatch.GetElapsedTime(started).TotalSeconds * settings.QueriesPerSecond); sent < due; sent++)
                {
                    var querier = queriers[(int)(sent % queriers.Count)];
                    var request = sent % 2 == 0
                        ? """{"path":"rooms.list"}"""
                        : $$$"""{"input":{"roomId":"{{{rooms.Ids[querier.Room]}}}","limit":50},"path":"chat.history"}""";
                    inFlight.Add(querier.QueryAsync(request, ct));
                }

                inFlight.RemoveAll(task => task.IsCompletedSuccessfully);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Traffic is over; the queries under way finish (or time out) below.
        }

        await Task.WhenAll(inFlight);
    }

    /// <summary>
    /// Subscribers in turn close and resume on a new connection, alternately with a close frame and dropped without one;
    /// every few seconds every subscriber is checked, so one the server closed is counted and resumes too.
    /// </summary>
    private async Task ReconnectAsync(AppProcess app, string token, CancellationToken stop, CancellationToken ct)
    {
        var inFlight = new List<Task>();
        var started = Stopwatch.GetTimestamp();
        var checkedAt = started;
        long reconnects = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                for (var due = (long)(Stopwatch.GetElapsedTime(started).TotalSeconds * settings.ReconnectsPerSecond); reconnects < due; reconnects++)
                {
                    var subscriber = _subscribers[(int)(reconnects % _subscribers.Count)];
                    inFlight.Add(subscriber.ReconnectAsync(app.ApiAddress, token, abrupt: reconnects % 2 == 1, ct));
                }

                if (Stopwatch.GetElapsedTime(checkedAt) >= CheckEvery)
                {
                    checkedAt = Stopwatch.GetTimestamp();
                    inFlight.AddRange(_subscribers.Select(s => s.CheckAsync(app.ApiAddress, token, ct)));
                }

                inFlight.RemoveAll(task => task.IsCompletedSuccessfully);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Traffic is over; the reconnects under way finish (or time out) below.
        }

        await Task.WhenAll(inFlight);
    }

    private async Task<List<SoakMinute>> SampleMinutesAsync(AppProcess app, ServerMetrics before, CancellationToken ct)
    {
        var minutes = new List<SoakMinute>();
        var started = Stopwatch.GetTimestamp();
        var previous = before;
        var (delivered, replayed, reconnects, queries) = (0L, 0L, 0L, 0L);
        for (var minute = 1; minute <= settings.Minutes; minute++)
        {
            var wait = TimeSpan.FromMinutes(minute) - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, ct);
            }

            var latency = _measures.NextMinute();
            var rss = app.ResidentBytes;
            var server = await ServerMetrics.ReadAsync(_http, app.BaseAddress, ct);
            var sample = new SoakMinute(
                minute, latency.Count, latency.PercentileMilliseconds(50), latency.PercentileMilliseconds(99), latency.PercentileMilliseconds(99.9), rss,
                server.GcPauseSeconds - previous.GcPauseSeconds, server.Gen0 - previous.Gen0, server.Gen1 - previous.Gen1, server.Gen2 - previous.Gen2, server,
                _subscribers.Count(s => s.Connected), _measures.Delivered - delivered, _measures.Replayed - replayed, _measures.Reconnects - reconnects,
                _measures.QueriesAnswered - queries, _errors.Total);
            (delivered, replayed, reconnects, queries, previous) = (_measures.Delivered, _measures.Replayed, _measures.Reconnects, _measures.QueriesAnswered, server);
            minutes.Add(sample);
            if (minute == 1)
            {
                Console.WriteLine(SoakReport.MinuteHeader);
            }

            Console.WriteLine(SoakReport.MinuteLine(sample));
        }

        return minutes;
    }

    /// <summary>
    /// After the traffic stops: waits until every post is answered and every subscriber has its room's last acknowledged
    /// sequence, or until nothing moves for a while.
    /// </summary>
    private async Task DrainAsync(RoomSequences rooms, CancellationToken ct)
    {
        var draining = Stopwatch.StartNew();
        var still = Stopwatch.StartNew();
        long last = -1;
        while (draining.Elapsed < DrainLimit && still.Elapsed < DrainStall)
        {
            if (_publishers.All(p => p.Answered >= p.Sent) && _subscribers.All(s => s.LastSequence >= rooms.Acknowledged(s.Room)))
            {
                return;
            }

            var progress = _measures.Delivered + _publishers.Sum(p => p.Answered);
            if (progress != last)
            {
                last = progress;
                still.Restart();
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }
    }

    private void CountWhatIsMissing(RoomSequences rooms)
    {
        foreach (var publisher in _publishers.Where(p => p.Answered < p.Sent))
        {
            _errors.Add(SoakErrors.Kind.Timeout, $"{publisher.Sent - publisher.Answered} chat.send not answered after the drain", publisher.Sent - publisher.Answered);
        }

        foreach (var publisher in _publishers.Where(p => p.Socket.ClosedByServer))
        {
            _errors.Add(SoakErrors.Kind.ClosedByServer, "a publisher's connection");
        }

        foreach (var subscriber in _subscribers.Where(s => s.LastSequence < rooms.Acknowledged(s.Room)))
        {
            var missing = rooms.Acknowledged(subscriber.Room) - subscriber.LastSequence;
            _errors.Add(SoakErrors.Kind.MissingAtEnd, $"room {rooms.Ids[subscriber.Room]}: last sequence {subscriber.LastSequence} of {rooms.Acknowledged(subscriber.Room)}", missing);
        }
    }
}
