using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace RealtimeApp.LoadBench;

/// <summary>
/// Keep-alive HTTP clients calling <c>/api/trpc</c> as fast as the server answers, for a set time: single
/// <c>rooms.list</c> queries, then batches of 10 <c>chat.history</c> calls (or only <c>--path</c>); reports requests/s and latency.
/// </summary>
public sealed class HttpRun(int clients, int warmupSeconds, int seconds, string? path = null)
{
    public async Task RunAsync()
    {
        var (app, token) = await AppProcess.StartWithBenchUserAsync(clients + 1);
        await using var _ = app;
        using var http = Http.CreateClient();
        var batch = "/api/trpc/" + string.Join(",", Enumerable.Repeat("chat.history", 10)) + "?batch=1&input="
            + Uri.EscapeDataString("{" + string.Join(",", Enumerable.Range(0, 10).Select(i => $$"""
                "{{i}}":{"roomId":"general","limit":20}
                """.Trim())) + "}");
        await SeedHistoryAsync(http, app, token);
        if (path is not null)
        {
            await MeasureAsync(path, http, app, token, path);
            return;
        }

        await MeasureAsync("rooms.list (single query)", http, app, token, "/api/trpc/rooms.list");
        await MeasureAsync("10 × chat.history (one batched GET)", http, app, token, batch);
    }

    private async Task MeasureAsync(string name, HttpClient http, AppProcess app, string token, string path)
    {
        var target = new Uri(app.BaseAddress, path);
        using var run = new CancellationTokenSource();
        LatencyHistogram? measuring = null;
        long answered = 0;
        long failed = 0;
        var loops = Enumerable.Range(0, clients).Select(async _ =>
        {
            while (!run.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                using var request = new HttpRequestMessage(HttpMethod.Get, target);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                try
                {
                    using var response = await http.SendAsync(request, run.Token);
                    await response.Content.ReadAsByteArrayAsync(run.Token);
                    if (!response.IsSuccessStatusCode && Interlocked.Increment(ref failed) == 1)
                    {
                        Console.Error.WriteLine($"first failure: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
                    }
                }
                catch (OperationCanceledException) when (run.IsCancellationRequested)
                {
                    return;
                }

                Interlocked.Increment(ref answered);
                Volatile.Read(ref measuring)?.Record(started);
            }
        }).ToList();

        await Task.Delay(TimeSpan.FromSeconds(warmupSeconds));
        var histogram = new LatencyHistogram();
        var (before, failedBefore, since) = (Interlocked.Read(ref answered), Interlocked.Read(ref failed), Stopwatch.GetTimestamp());
        Volatile.Write(ref measuring, histogram);
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        Volatile.Write(ref measuring, null);
        var elapsed = Stopwatch.GetElapsedTime(since).TotalSeconds;
        var count = Interlocked.Read(ref answered) - before;
        var errors = Interlocked.Read(ref failed) - failedBefore;
        var rss = app.ResidentBytes;
        await run.CancelAsync();
        await Task.WhenAll(loops);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            http: {name}, {clients} keep-alive clients
              achieved        {count / elapsed:N0} requests/s (measured over {elapsed:0.0} s), {errors:N0} not 2xx
              latency         p50 {histogram.PercentileMilliseconds(50):0.00} ms, p99 {histogram.PercentileMilliseconds(99):0.00} ms, p99.9 {histogram.PercentileMilliseconds(99.9):0.00} ms
              server RSS      {rss / 1024.0 / 1024:0.0} MiB
            """));
    }

    /// <summary>Forty messages in #general, so each history call reads a full page of 20.</summary>
    private static async Task SeedHistoryAsync(HttpClient http, AppProcess app, string token)
    {
        for (var i = 0; i < 40; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(app.BaseAddress, "/api/trpc/chat.send"))
            {
                Content = new StringContent($$"""{"roomId":"general","text":"history {{i}}"}""", System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }
    }
}
