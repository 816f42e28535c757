using System.Buffers;
using System.Net.WebSockets;
using System.Text;

namespace RealtimeApp.LoadBench;

/// <summary>
/// A plain <see cref="ClientWebSocket"/> speaking the tRPC v11 WebSocket protocol just enough for load: connectionParams,
/// request frames, and a receive loop that answers the server's keep-alive <c>PING</c> and hands every other text frame
/// to a callback. The soak's subscribers use it to lose their connections on purpose, half of them without a close
/// frame as a lost network would (<see cref="Abort"/>), and resume by hand; <see cref="SocketSubscriber"/> is the
/// raw-socket reference the .NET client's cost is measured against (<c>--client socket</c>). Everything else speaks
/// through the API's .NET client.
/// </summary>
public sealed class ApiSocket : IAsyncDisposable
{
    private static readonly byte[] Ping = "PING"u8.ToArray();

    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private Task _receiving = Task.CompletedTask;

    /// <summary>True once the server closed the socket (or it was lost) before the run ended.</summary>
    public bool ClosedByServer { get; private set; }

    public static async Task<ApiSocket> ConnectAsync(Uri address, string token, CancellationToken ct)
    {
        var api = new ApiSocket();
        api._socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await api._socket.ConnectAsync(address, ct);
        await api.SendAsync($$$"""{"method":"connectionParams","data":{"token":"{{{token}}}"}}""", ct);
        return api;
    }

    /// <summary>Sends one request and returns the first frame answering it (use before <see cref="StartReceiving"/>).</summary>
    public async Task<string> RequestAsync(string frame, CancellationToken ct)
    {
        await SendAsync(frame, ct);
        var buffer = new byte[64 * 1024];
        var count = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer.AsMemory(count), ct);
            count += result.Count;
        }
        while (!result.EndOfMessage);

        var text = Encoding.UTF8.GetString(buffer, 0, count);
        return text.Contains("\"error\"", StringComparison.Ordinal) ? throw new InvalidOperationException($"{frame} → {text}") : text;
    }

    public async Task SendAsync(string frame, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(frame);
        await _sendLock.WaitAsync(ct);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Reads until the socket closes or <paramref name="ct"/> fires; every complete frame goes to <paramref name="onFrame"/>.</summary>
    public void StartReceiving(Action<ReadOnlySpan<byte>> onFrame, CancellationToken ct) => _receiving = ReceiveAsync(onFrame, ct);

    /// <summary>Drops the connection without a close frame, as a lost network would (dispose it afterwards).</summary>
    public void Abort() => _socket.Abort();

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // The server is gone or slow to answer; the socket is aborted below.
        }

        _socket.Abort();
        await _receiving.ContinueWith(_ => { }, TaskScheduler.Default);
        _socket.Dispose();
        _sendLock.Dispose();
    }

    private async Task SendPongAsync(CancellationToken ct)
    {
        try
        {
            await SendAsync("PONG", ct);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The run is ending or the socket is gone; the receive loop sees that too.
        }
    }

    private async Task ReceiveAsync(Action<ReadOnlySpan<byte>> onFrame, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            var count = 0;
            while (!ct.IsCancellationRequested)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(count), ct);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    ClosedByServer = !ct.IsCancellationRequested;
                    return;
                }

                count += result.Count;
                if (result.EndOfMessage)
                {
                    if (buffer.AsSpan(0, count).SequenceEqual(Ping))
                    {
                        _ = SendPongAsync(ct);
                    }
                    else
                    {
                        onFrame(buffer.AsSpan(0, count));
                    }

                    count = 0;
                }
                else if (count == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan().CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // Closed by the run's end, or lost.
            ClosedByServer = !ct.IsCancellationRequested;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
