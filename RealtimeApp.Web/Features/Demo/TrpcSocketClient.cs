using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace RealtimeApp.Web.Features.Demo;

/// <summary>
/// A small client of the public WebSocket API (tRPC v11 frames, as in docs/websocket-api.md), the way an external
/// script would write one: queries, mutations and subscriptions over one socket, authenticated with an API token.
/// When the socket ends, every pending call and subscription fails.
/// </summary>
public sealed class TrpcSocketClient : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <summary>A call the server has not answered by then is given up (a TimeoutException), so a stuck connection ends.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _calls = new();
    private readonly ConcurrentDictionary<int, Channel<JsonElement>> _subscriptions = new();
    private readonly CancellationTokenSource _stop = new();
    private int _nextId;
    private volatile Exception? _ended;

    private TrpcSocketClient()
    {
    }

    public static async Task<TrpcSocketClient> ConnectAsync(Uri endpoint, string token, CancellationToken cancellationToken)
    {
        var client = new TrpcSocketClient();
        try
        {
            client._socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(CallTimeout);
            await client._socket.ConnectAsync(endpoint, timeout.Token);
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }

        _ = client.ReceiveLoopAsync();
        return client;
    }

    public Task<JsonElement> QueryAsync(string path, object? input, CancellationToken cancellationToken) => CallAsync("query", path, input, cancellationToken);

    public Task<JsonElement> MutateAsync(string path, object? input, CancellationToken cancellationToken) => CallAsync("mutation", path, input, cancellationToken);

    /// <summary>Starts a subscription; its events arrive on the returned reader, which fails when the subscription does.</summary>
    public async Task<ChannelReader<JsonElement>> SubscribeAsync(string path, object? input, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var events = Channel.CreateBounded<JsonElement>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });
        _subscriptions[id] = events;
        if (_ended is { } ended)
        {
            events.Writer.TryComplete(ended);
        }

        await SendAsync(id, "subscription", path, input, cancellationToken);
        return events.Reader;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // The server went first; nothing left to close politely.
            }
        }

        _socket.Dispose();
        Fail(new WebSocketException("The connection was closed."));
        _sendLock.Dispose();
        _stop.Dispose();
    }

    private async Task<JsonElement> CallAsync(string method, string path, object? input, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _calls[id] = answer;
        if (_ended is { } ended)
        {
            // Registered after the connection ended: nothing would ever answer it.
            answer.TrySetException(ended);
        }

        try
        {
            await SendAsync(id, method, path, input, cancellationToken);
            return await answer.Task.WaitAsync(CallTimeout, cancellationToken);
        }
        finally
        {
            _calls.TryRemove(id, out _);
        }
    }

    private async Task SendAsync(int id, string method, string path, object? input, CancellationToken cancellationToken)
    {
        var frame = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = new { path, input } }, Json);
        await SendTextAsync(frame, cancellationToken);
    }

    private async Task SendTextAsync(byte[] frame, CancellationToken cancellationToken)
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

    private async Task ReceiveLoopAsync()
    {
        Exception ended = new WebSocketException("The server closed the connection.");
        try
        {
            var buffer = new byte[16 * 1024];
            using var message = new MemoryStream();
            while (!_stop.IsCancellationRequested)
            {
                var received = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    ended = new WebSocketException($"The server closed the connection ({_socket.CloseStatus} {_socket.CloseStatusDescription}).");
                    break;
                }

                message.Write(buffer, 0, received.Count);
                if (received.EndOfMessage)
                {
                    if (!await HandleAsync(message.ToArray()))
                    {
                        ended = new WebSocketException("The server asked its clients to reconnect.");
                        break;
                    }

                    message.SetLength(0);
                }
            }
        }
        catch (Exception exception)
        {
            // Whatever ended the loop (a dropped socket, a frame it could not read) ends every call and subscription.
            ended = exception;
        }

        Fail(ended);
    }

    /// <summary>Handles one frame; false when the server asks to reconnect.</summary>
    private async Task<bool> HandleAsync(byte[] frame)
    {
        if (Encoding.UTF8.GetString(frame) == "PING")
        {
            await SendTextAsync("PONG"u8.ToArray(), _stop.Token);
            return true;
        }

        using var document = JsonDocument.Parse(frame);
        var root = document.RootElement;
        if (root.TryGetProperty("method", out var method) && method.GetString() == "reconnect")
        {
            return false;
        }

        if (!root.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.Number)
        {
            return true;
        }

        var id = idElement.GetInt32();
        if (root.TryGetProperty("error", out var error))
        {
            var failure = new TrpcCallException(error.GetProperty("data").GetProperty("code").GetString() ?? "", error.GetProperty("message").GetString() ?? "");
            if (_calls.TryRemove(id, out var call))
            {
                call.TrySetException(failure);
            }
            else if (_subscriptions.TryRemove(id, out var subscription))
            {
                subscription.Writer.TryComplete(failure);
            }

            return true;
        }

        var result = root.GetProperty("result");
        var type = result.GetProperty("type").GetString();
        var data = result.TryGetProperty("data", out var value) ? value.Clone() : default;
        if (_calls.TryRemove(id, out var answer))
        {
            answer.TrySetResult(data);
        }
        else if (_subscriptions.TryGetValue(id, out var events))
        {
            if (type == "data")
            {
                events.Writer.TryWrite(data);
            }
            else if (type == "stopped" && _subscriptions.TryRemove(id, out _))
            {
                events.Writer.TryComplete(new WebSocketException("The server stopped the subscription."));
            }
        }

        return true;
    }

    private void Fail(Exception reason)
    {
        _ended ??= reason;
        foreach (var id in _calls.Keys)
        {
            if (_calls.TryRemove(id, out var call))
            {
                call.TrySetException(reason);
            }
        }

        foreach (var id in _subscriptions.Keys)
        {
            if (_subscriptions.TryRemove(id, out var subscription))
            {
                subscription.Writer.TryComplete(reason);
            }
        }
    }
}
