using System.Globalization;

namespace RealtimeApp.LoadBench;

/// <summary>
/// N authenticated connections that then stay idle; reports the server's resident memory per connection. With
/// <c>sse</c>, each is an SSE stream following a quiet room (<c>chat.onMessage</c>) instead of a WebSocket.
/// </summary>
public sealed class IdleRun(int connections, int settleSeconds, string transport = "ws", string client = "socket")
{
    private readonly HttpClient _http = Http.CreateClient();

    public async Task RunAsync()
    {
        var (app, token) = await AppProcess.StartWithBenchUserAsync(connections + 1);
        await using var _ = app;
        var sockets = new List<ISubscriberConnection>(connections);
        using var run = new CancellationTokenSource();
        try
        {
            // Warm the code paths (JIT, pools, token validation) before the baseline.
            sockets.Add(await ConnectAuthenticatedAsync(app, token, run.Token));
            await Task.Delay(TimeSpan.FromSeconds(3));
            var baseline = app.ResidentBytes;

            const int batch = 100;
            for (var first = 1; first < connections; first += batch)
            {
                sockets.AddRange(await Task.WhenAll(Enumerable.Range(0, Math.Min(batch, connections - first))
                    .Select(_ => ConnectAuthenticatedAsync(app, token, run.Token))));
            }

            await Task.Delay(TimeSpan.FromSeconds(settleSeconds));
            var loaded = app.ResidentBytes;
            var perConnection = (loaded - baseline) / (double)(connections - 1);
            var closed = sockets.Count(socket => socket.ClosedByServer);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                idle ({(transport == "sse" ? "sse" : $"ws, {client}")}): {connections:N0} authenticated {(transport == "sse" ? "SSE streams (each following a quiet room)" : "connections (each answered a query, then stayed silent)")}
                  server RSS      {baseline / 1048576.0:0.0} MiB with 1 connection, {loaded / 1048576.0:0.0} MiB with {connections:N0}
                  per connection  {perConnection / 1024:0.0} KiB
                  closed by the server  {closed}
                """));
        }
        finally
        {
            await run.CancelAsync();
            foreach (var socket in sockets)
            {
                await socket.DisposeAsync();
            }

            _http.Dispose();
        }
    }

    private async Task<ISubscriberConnection> ConnectAuthenticatedAsync(AppProcess app, string token, CancellationToken ct)
    {
        if (transport == "sse")
        {
            var stream = await SseSubscriber.OpenAsync(_http, app.BaseAddress, token, "general", ct);
            stream.StartReceiving(static _ => { }, ct); // reads the pings, as a live client does
            return stream;
        }

        if (client != "socket")
        {
            return await IdleClient.ConnectAsync(app.ApiAddress, token, ct);
        }

        var socket = await SocketSubscriber.AuthenticateAsync(app.ApiAddress, token, ct);
        socket.StartReceiving(static _ => { }, ct); // answers keep-alive pings, as a live client does
        return socket;
    }
}
