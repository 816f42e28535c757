using System.Buffers;
using System.Net.WebSockets;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using RealtimeApp.Web.Realtime.Authentication;
using RealtimeApp.Web.Realtime.Limits;
using RealtimeApp.Web.Realtime.Logging;
using RealtimeApp.Web.Realtime.Procedures;
using RealtimeApp.Web.Realtime.Protocol;

namespace RealtimeApp.Web.Realtime.Connections;

/// <summary>
/// One accepted <c>/api/ws</c> socket: the receive loop, the connection context (§2), the requests and
/// subscriptions it runs (§3–§5), keep-alive (§6) and the single outbound writer.
/// </summary>
internal sealed partial class ApiConnection : IApiSession
{
    private const int InitialReceiveBufferBytes = 512;

    private readonly WebSocket _socket;
    private readonly IServiceProvider _services;
    private readonly string? _remoteAddress;
    private readonly ApiTransport _transport;
    private readonly ApiOptions _options;
    private readonly ProcedureRouter _router;
    private readonly IApiConnectionAuthenticator _authenticator;
    private readonly ApiConnectionRegistry _registry;
    private readonly IApiUserLimits _limits;
    private readonly ILogger<ApiConnection> _logger;
    private readonly ConnectionMetrics _metrics;
    private readonly ApiCallMetrics _callMetrics;
    private readonly OutboundWriter _writer;
    private readonly KeepAliveMonitor _keepAlive;
    private readonly SubscriptionTable _subscriptions = new();
    private readonly CancellationTokenSource _connectionCts = new();
    private readonly CancellationTokenSource _abortCts = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimeProvider _time;

    // 1 while the connectionParams are awaited; whoever takes it (the first message or the deadline) acts once.
    private int _awaitingConnectionParams;

    public ApiConnection(
        WebSocket socket,
        ApiUpgrade upgrade,
        IServiceProvider services,
        IOptions<ApiOptions> options,
        ProcedureRouter router,
        IApiConnectionAuthenticator authenticator,
        ApiConnectionRegistry registry,
        IApiUserLimits limits,
        TimeProvider time,
        ConnectionMetrics metrics,
        ApiCallMetrics callMetrics,
        ILogger<ApiConnection> logger)
    {
        _metrics = metrics;
        _callMetrics = callMetrics;
        _socket = socket;
        _upgrade = upgrade;
        _services = services;
        _remoteAddress = upgrade.RemoteAddress;
        _transport = upgrade.Transport;
        _options = options.Value;
        _router = router;
        _authenticator = authenticator;
        _registry = registry;
        _limits = limits;
        _logger = logger;
        _writer = new OutboundWriter(socket, _options.SendQueueBytes, OnSendQueueOverflow, metrics.FrameSent, () => Lose("sending failed"), _abortCts.Token);
        _keepAlive = new KeepAliveMonitor(
            time,
            TimeSpan.FromSeconds(_options.KeepAlive.PingSeconds),
            TimeSpan.FromSeconds(_options.KeepAlive.PongWaitSeconds),
            Random.Shared.NextDouble(),
            () => Send(TrpcFrames.Ping),
            () => Lose("no answer to the keep-alive PING"));
        _awaitingConnectionParams = upgrade.ExpectsConnectionParams ? 1 : 0;
        _time = time;
        ConnectedAt = time.GetUtcNow();
    }

    public string Id { get; } = Guid.NewGuid().ToString("N");

    public string? UserId { get; set; }

    public string? UserName { get; private set; }

    /// <summary>The authenticated principal; null until authentication succeeded.</summary>
    public ClaimsPrincipal? User { get; private set; }

    public DateTimeOffset ConnectedAt { get; }

    /// <summary>Completes when the connection has ended and everything it ran has finished.</summary>
    public Task Completion => _completion.Task;

    public ApiConnectionInfo Describe() => new(
        Id, UserId, UserName, _remoteAddress, ConnectedAt,
        _subscriptions.Count, _writer.QueuedBytes, _writer.IsClosing, _transport);

    public async Task RunAsync()
    {
        using var logScope = _logger.BeginScope(new ApiSessionLogScope(this, ApiSessionLogScope.WebSocket));
        ApiConnectionLog.Opened(_logger, _remoteAddress);
        _registry.Add(this);
        _metrics.ApiConnectionOpened();
        _keepAlive.Start();
        if (_awaitingConnectionParams == 0)
        {
            StartContext(null);
        }
        else
        {
            _ = RejectUnlessConnectionParamsArriveAsync();
        }

        try
        {
            await ReceiveLoopAsync();
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The socket was aborted or lost; nothing more to read.
            NoteClose("network", Lost, "connection lost");
        }
        finally
        {
            _metrics.ApiConnectionClosed();
            await EndAsync();
            LogClosed();
        }
    }

    /// <summary>Sends a close frame after what is queued (or at once with <paramref name="discardPending"/>) and aborts if the peer does not finish the handshake in time.</summary>
    public void RequestClose(WebSocketCloseStatus status, string? description, bool discardPending) =>
        Close("server", status, description, discardPending);

    public void SendReconnect() => Send(TrpcFrames.Reconnect);

    private bool Send(ReadOnlyMemory<byte> frame) => _writer.Enqueue(frame);

    private async Task ReceiveLoopAsync()
    {
        while (true)
        {
            // Wait for the next message with a zero-byte read: an idle connection, which most are most of the time,
            // holds no receive buffer. The message is then read into a pooled buffer that goes back right after.
            var next = await _socket.ReceiveAsync(Array.Empty<byte>().AsMemory(), _abortCts.Token);
            var message = next.EndOfMessage || next.MessageType == WebSocketMessageType.Close
                ? new ReceivedMessage([], 0, false, next)
                : await ReadMessageAsync();
            try
            {
                if (message.Last.MessageType == WebSocketMessageType.Close)
                {
                    Close("client", _socket.CloseStatus ?? WebSocketCloseStatus.Empty, _socket.CloseStatusDescription, discardPending: true);
                    return;
                }

                _keepAlive.FrameReceived();
                _metrics.FrameReceived(message.Count);
                HandleMessage(message.Last.MessageType, message.Buffer.AsMemory(0, message.Count), message.TooBig);
            }
            finally
            {
                message.ReturnBuffer();
            }
        }
    }

    /// <summary>Reads one message into a pooled buffer (small first: most frames are a few hundred bytes; doubled as needed).</summary>
    private async ValueTask<ReceivedMessage> ReadMessageAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(InitialReceiveBufferBytes);
        try
        {
            var count = 0;
            var tooBig = false;
            ValueWebSocketReceiveResult result;
            do
            {
                if (count == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, _options.MaxMessageBytes + 1));
                    buffer.AsSpan(0, count).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                result = await _socket.ReceiveAsync(buffer.AsMemory(count), _abortCts.Token);
                count += result.Count;
                if (count > _options.MaxMessageBytes)
                {
                    tooBig = true;
                    count = 0;
                }
            }
            while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

            return new ReceivedMessage(buffer, count, tooBig, result);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private void HandleMessage(WebSocketMessageType type, ReadOnlyMemory<byte> message, bool tooBig)
    {
        if (_writer.IsClosing)
        {
            return;
        }

        try
        {
            if (tooBig)
            {
                RequestClose(ApiCloseCodes.MessageTooBig, "Message too big", discardPending: false);
            }
            else if (type == WebSocketMessageType.Binary)
            {
                Send(TrpcFrames.Error(RequestId.Null, false, TrpcError.Parse(BinaryFrameMessage)));
            }
            else
            {
                HandleText(message);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The barrier: a frame that fails in an unforeseen way is answered and logged; the connection reads the next one.
            ApiConnectionLog.FrameFailed(_logger, exception);
            Send(TrpcFrames.Error(RequestId.Null, false, TrpcError.Internal()));
        }
    }

    private async Task AbortUnlessClosedAsync()
    {
        try
        {
            await _completion.Task.WaitAsync(TimeSpan.FromSeconds(_options.CloseTimeoutSeconds));
        }
        catch (TimeoutException)
        {
            Abort();
        }
    }

    private void Abort()
    {
        if (_completion.Task.IsCompleted)
        {
            return;
        }

        try
        {
            _abortCts.Cancel();
            _socket.Abort();
        }
        catch (ObjectDisposedException)
        {
            // Already gone.
        }
    }

    private void OnSendQueueOverflow()
    {
        ApiConnectionLog.SendQueueOverflow(_logger, _options.SendQueueBytes);
        RequestClose(ApiCloseCodes.SendQueueOverflow, "send queue overflow", discardPending: true);
    }

    private async Task EndAsync()
    {
        var writer = _writer.Completion;
        _keepAlive.Dispose();
        _writer.Close(WebSocketCloseStatus.NormalClosure, null, discardPending: true);
        await _connectionCts.CancelAsync();
        _context.TrySetResult(null);
        if (await Task.WhenAny(writer, Task.Delay(TimeSpan.FromSeconds(_options.CloseTimeoutSeconds))) != writer)
        {
            Abort();
        }

        await Task.WhenAll(WhenRequestsFinishedAsync(), _contextTask, writer);
        _registry.Remove(this);
        _completion.TrySetResult();
        _connectionCts.Dispose();
        _abortCts.Dispose();
    }
}
