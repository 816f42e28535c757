using System.Buffers;
using System.Net.WebSockets;
using RealtimeApp.Client.Protocol;

namespace RealtimeApp.Client.Connection;

/// <summary>
/// One WebSocket connection: sends frames one at a time, hands every frame it receives to its owner, answers the
/// server's <c>PING</c>, and gives the socket up when the server stays silent past a <c>PING</c> of its own.
/// <see cref="Completion"/> says how it ended.
/// </summary>
internal sealed class SocketSession : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly RealtimeClientOptions _options;
    private readonly Func<ServerFrame, ValueTask> _onFrame;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private long _lastReceived;
    private string? _deadReason;

    private SocketSession(ClientWebSocket socket, RealtimeClientOptions options, Func<ServerFrame, ValueTask> onFrame)
    {
        _socket = socket;
        _options = options;
        _onFrame = onFrame;
        _lastReceived = options.Time.GetTimestamp();
        Completion = RunAsync();
    }

    public Task<SessionEnd> Completion { get; }

    public static async Task<SocketSession> OpenAsync(RealtimeClientOptions options, Func<ServerFrame, ValueTask> onFrame, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            socket.Options.SetRequestHeader("Authorization", $"Bearer {options.Token}");
            // Keep-alive is the protocol's PING/PONG, which the server understands, not WebSocket pings.
            socket.Options.KeepAliveInterval = TimeSpan.Zero;
            using var timeout = new CancellationTokenSource(options.RequestTimeout, options.Time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            await socket.ConnectAsync(options.ServerUrl, linked.Token);
            return new SocketSession(socket, options, onFrame);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async Task SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Closes politely (waiting briefly for the server's answer), then lets go of the socket.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The server went first; there is nothing left to close politely.
            }
        }

        await _stop.CancelAsync();
        await Completion;
        _socket.Dispose();
        _sendLock.Dispose();
        _stop.Dispose();
    }

    private async Task<SessionEnd> RunAsync()
    {
        await Task.Yield();
        var keepAlive = KeepAliveAsync(_stop.Token);
        var end = await ReceiveAsync();
        await _stop.CancelAsync();
        await keepAlive;
        return end;
    }

    private async Task<SessionEnd> ReceiveAsync()
    {
        var message = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(message.GetMemory(4096), _stop.Token);
                Volatile.Write(ref _lastReceived, _options.Time.GetTimestamp());
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return new SessionEnd((int?)_socket.CloseStatus, _socket.CloseStatusDescription ?? "closed by the server");
                }

                message.Advance(received.Count);
                if (!received.EndOfMessage)
                {
                    continue;
                }

                var frame = ServerFrame.Parse(message.WrittenMemory);
                if (frame.Kind == ServerFrameKind.Ping)
                {
                    message.ResetWrittenCount();
                    await SendAsync(ClientFrames.Pong, _stop.Token);
                    continue;
                }

                // The frame's payload is a slice of the buffer: handled before the buffer takes the next frame.
                await _onFrame(frame);
                message.ResetWrittenCount();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped by the client, or the socket was aborted under the receive before the stop was signalled (a
            // polite close that timed out, a peer found dead): either way this connection is over.
            return new SessionEnd(null, _deadReason ?? (_stop.IsCancellationRequested ? "closed by the client" : "aborted"));
        }
        catch (Exception exception) when (exception is WebSocketException or System.Text.Json.JsonException or IOException)
        {
            return new SessionEnd(null, _deadReason ?? exception.Message);
        }
    }

    /// <summary>After <see cref="RealtimeClientOptions.PingAfter"/> of silence sends PING; no frame within the pong timeout ends the session.</summary>
    private async Task KeepAliveAsync(CancellationToken stop)
    {
        try
        {
            while (true)
            {
                var silence = _options.Time.GetElapsedTime(Volatile.Read(ref _lastReceived));
                if (silence < _options.PingAfter)
                {
                    await Task.Delay(_options.PingAfter - silence, _options.Time, stop);
                    continue;
                }

                var pinged = _options.Time.GetTimestamp();
                await SendAsync(ClientFrames.Ping, stop);
                await Task.Delay(_options.PongTimeout, _options.Time, stop);
                if (Volatile.Read(ref _lastReceived) < pinged)
                {
                    _deadReason = $"no answer to PING within {_options.PongTimeout.TotalSeconds:0.#} s";
                    _socket.Abort();
                    await _stop.CancelAsync();
                    return;
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The session is ending anyway.
        }
    }
}
