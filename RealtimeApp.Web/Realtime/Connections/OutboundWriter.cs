using System.Net.WebSockets;
using System.Threading.Channels;

namespace RealtimeApp.Web.Realtime.Connections;

/// <summary>
/// The connection's only sender (§6): frames leave in the order they were queued, so a <c>PONG</c> follows every
/// frame queued before it. The queue is bounded by bytes (queued plus in flight); going over the bound calls
/// <c>onOverflow</c> and the frame is dropped. A close frame goes out after the queue, or at once when discarding.
/// </summary>
internal sealed class OutboundWriter(WebSocket socket, long capacityBytes, Action onOverflow, Action<int> onSent)
{
    private readonly Channel<ReadOnlyMemory<byte>> _channel =
        Channel.CreateUnbounded<ReadOnlyMemory<byte>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _closeLock = new();
    private long _bytes;
    private volatile bool _discard;
    private (WebSocketCloseStatus Status, string? Description)? _close;

    public long QueuedBytes => Interlocked.Read(ref _bytes);

    public bool IsClosing => _close is not null;

    /// <summary>Queues a text frame; false when the connection is closing or the queue is full (then the connection is being closed).</summary>
    public bool Enqueue(ReadOnlyMemory<byte> frame)
    {
        if (_close is not null)
        {
            return false;
        }

        if (Interlocked.Add(ref _bytes, frame.Length) > capacityBytes)
        {
            Interlocked.Add(ref _bytes, -frame.Length);
            onOverflow();
            return false;
        }

        if (!_channel.Writer.TryWrite(frame))
        {
            Interlocked.Add(ref _bytes, -frame.Length);
            return false;
        }

        return true;
    }

    /// <summary>Ends the queue with a close frame; the first close wins. With <paramref name="discardPending"/> queued frames are dropped.</summary>
    public bool Close(WebSocketCloseStatus status, string? description, bool discardPending)
    {
        lock (_closeLock)
        {
            if (_close is not null)
            {
                return false;
            }

            _close = (status, description);
            _discard = discardPending;
        }

        _channel.Writer.TryComplete();
        return true;
    }

    public async Task RunAsync(CancellationToken abort)
    {
        await foreach (var frame in _channel.Reader.ReadAllAsync(CancellationToken.None))
        {
            if (!_discard)
            {
                await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, abort);
                onSent(frame.Length);
            }

            Interlocked.Add(ref _bytes, -frame.Length);
        }

        if (_close is { } close && socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            await socket.CloseOutputAsync(close.Status, close.Status == WebSocketCloseStatus.Empty ? null : close.Description, abort);
        }
    }
}
