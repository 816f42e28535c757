using System.Net.WebSockets;

namespace RealtimeApp.Web.Realtime.Connections;

/// <summary>
/// The connection's only sender (§6): frames leave in the order they were queued, so a <c>PONG</c> follows every
/// frame queued before it. The queue is bounded by bytes (queued plus in flight); going over the bound calls
/// <c>onOverflow</c> and the frame is dropped. A close frame goes out after the queue, or at once when discarding.
/// </summary>
/// <remarks>
/// No task waits while there is nothing to send: the first frame queued starts a drain on the queuing thread, which
/// runs until the queue is empty (an idle connection holds no sender state, and a delivery needs no extra hand-off).
/// </remarks>
internal sealed class OutboundWriter(WebSocket socket, long capacityBytes, Action onOverflow, Action<int> onSent, Action onFailed, CancellationToken abort)
{
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Queue<ReadOnlyMemory<byte>>? _queue;
    private bool _draining;
    private long _bytes;
    private (WebSocketCloseStatus Status, string? Description)? _close;
    private volatile bool _closing;
    private bool _closeTaken;

    public long QueuedBytes => Interlocked.Read(ref _bytes);

    public bool IsClosing => _closing;

    /// <summary>Completes once the close frame went out, or sending failed (then <c>onFailed</c> was called).</summary>
    public Task Completion => _completion.Task;

    /// <summary>Queues a text frame; false when the connection is closing or the queue is full (then the connection is being closed).</summary>
    public bool Enqueue(ReadOnlyMemory<byte> frame)
    {
        bool accepted;
        var startDrain = false;
        lock (_lock)
        {
            if (_close is not null)
            {
                return false;
            }

            accepted = _bytes + frame.Length <= capacityBytes;
            if (accepted)
            {
                (_queue ??= new Queue<ReadOnlyMemory<byte>>()).Enqueue(frame);
                Interlocked.Add(ref _bytes, frame.Length);
                startDrain = StartDrainIfIdle();
            }
        }

        if (!accepted)
        {
            onOverflow();
            return false;
        }

        if (startDrain)
        {
            _ = DrainAsync();
        }

        return true;
    }

    /// <summary>Ends the queue with a close frame; the first close wins. With <paramref name="discardPending"/> queued frames are dropped.</summary>
    public bool Close(WebSocketCloseStatus status, string? description, bool discardPending)
    {
        bool startDrain;
        lock (_lock)
        {
            if (_close is not null)
            {
                return false;
            }

            _close = (status, description);
            _closing = true;
            if (discardPending && _queue is { Count: > 0 } queue)
            {
                while (queue.TryDequeue(out var dropped))
                {
                    Interlocked.Add(ref _bytes, -dropped.Length);
                }
            }

            startDrain = StartDrainIfIdle();
        }

        if (startDrain)
        {
            _ = DrainAsync();
        }

        return true;
    }

    private bool StartDrainIfIdle()
    {
        if (_draining)
        {
            return false;
        }

        _draining = true;
        return true;
    }

    private async Task DrainAsync()
    {
        var ended = false;
        try
        {
            while (TryTakeNext(out var frame, out var close))
            {
                if (close is { } closing)
                {
                    if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(closing.Status, closing.Status == WebSocketCloseStatus.Empty ? null : closing.Description, abort);
                    }

                    _completion.TrySetResult();
                    ended = true;
                    return;
                }

                // No token: a cancellable send takes the WebSocket's slower path (a registration per frame); an abort
                // disposes the socket, which fails a pending send just the same.
                await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
                Interlocked.Add(ref _bytes, -frame.Length);
                onSent(frame.Length);
            }

            ended = true;
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The socket failed or was aborted: handled below.
        }
        finally
        {
            if (!ended)
            {
                // Whatever stopped the sender, the connection must still end: nothing else will drain this queue.
                onFailed();
                _completion.TrySetResult();
            }
        }
    }

    /// <summary>The next frame, else the close once the queue is empty; false (and the drain ends) when there is neither.</summary>
    private bool TryTakeNext(out ReadOnlyMemory<byte> frame, out (WebSocketCloseStatus Status, string? Description)? close)
    {
        close = null;
        lock (_lock)
        {
            if (_queue is not null && _queue.TryDequeue(out frame))
            {
                return true;
            }

            frame = default;
            if (_close is not null && !_closeTaken)
            {
                _closeTaken = true;
                close = _close;
                return true;
            }

            _draining = false;
            return false;
        }
    }
}
