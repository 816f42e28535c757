using System.Diagnostics;
using System.Text;

namespace RealtimeApp.LoadBench;

/// <summary>
/// One soak connection following a room's <c>chat.onMessage</c> (request id 1), checking that it receives every
/// sequence once and in order across its reconnects: each new connection resumes with <c>lastEventId</c> set to the
/// last sequence received. Queries go over the same connection (ids 2 and up), one at a time; a reconnect waits for
/// the query under way, and a query skips a subscriber that is reconnecting.
/// </summary>
public sealed class SoakSubscriber(int room, string roomId, SoakErrors errors, SoakMeasures measures)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ApiSocket? _socket;
    private TaskCompletionSource? _started;
    private TaskCompletionSource? _answer;
    private bool _resumes;
    private long _last;
    private long _subscribedAt;
    private long _queryId = 1;
    private long _pendingQuery;

    public int Room => room;

    public long LastSequence => Interlocked.Read(ref _last);

    /// <summary>True while the subscriber holds an open subscription that the server has not closed.</summary>
    public bool Connected => _socket is { ClosedByServer: false };

    /// <summary>
    /// Connects and subscribes (resuming after the last sequence received, if any); a failure is counted and leaves
    /// the subscriber down until <see cref="CheckAsync"/> tries again.
    /// </summary>
    public async Task OpenAsync(Uri address, string token, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await SubscribeAsync(address, token, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Closes the connection (with a close frame, or <paramref name="abrupt"/>ly as a lost network) and resumes on a new one.</summary>
    public async Task ReconnectAsync(Uri address, string token, bool abrupt, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await CloseAsync(abrupt);
            await SubscribeAsync(address, token, ct);
            measures.Reconnected();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Counts a connection the server closed, and reconnects a subscriber that is down; skips one that is busy.</summary>
    public async Task CheckAsync(Uri address, string token, CancellationToken ct)
    {
        if (!await _gate.WaitAsync(0, ct))
        {
            return;
        }

        try
        {
            if (_socket is { ClosedByServer: true })
            {
                errors.Add(SoakErrors.Kind.ClosedByServer, $"room {roomId}, after sequence {LastSequence}");
                await CloseAsync(abrupt: false);
            }

            if (_socket is null)
            {
                await SubscribeAsync(address, token, ct);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Sends one query (<paramref name="request"/> is its <c>params</c>) and waits for its answer.</summary>
    public async Task QueryAsync(string request, CancellationToken ct)
    {
        if (!await _gate.WaitAsync(0, ct))
        {
            return;
        }

        try
        {
            if (_socket is not { ClosedByServer: false } socket)
            {
                return;
            }

            var id = ++_queryId;
            var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _answer = answer;
            Interlocked.Exchange(ref _pendingQuery, id);
            var sent = Stopwatch.GetTimestamp();
            await socket.SendAsync($$$"""{"id":{{{id}}},"method":"query","params":{{{request}}}}""", ct);
            await answer.Task.WaitAsync(SoakSettings.Timeout, ct);
            measures.QueryAnswered(sent);
        }
        catch (TimeoutException)
        {
            errors.Add(SoakErrors.Kind.Timeout, $"query {request} not answered within {SoakSettings.Timeout.TotalSeconds:0} s");
        }
        catch (System.Net.WebSockets.WebSocketException)
        {
            // The connection is lost: the next check counts it and reconnects.
        }
        finally
        {
            Interlocked.Exchange(ref _pendingQuery, 0);
            _gate.Release();
        }
    }

    public async Task CloseAsync(bool abrupt)
    {
        if (_socket is { } socket)
        {
            _socket = null;
            if (abrupt)
            {
                socket.Abort();
            }

            await socket.DisposeAsync();
        }
    }

    private async Task SubscribeAsync(Uri address, string token, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(SoakSettings.Timeout);
        ApiSocket? socket = null;
        var step = "connect";
        try
        {
            socket = await ApiSocket.ConnectAsync(address, token, limit.Token);
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _started = started;
            Interlocked.Exchange(ref _subscribedAt, Stopwatch.GetTimestamp());
            socket.StartReceiving(OnFrame, ct);
            // Every subscription after the first (even one that failed) resumes from the last sequence received, "0" if
            // none yet, so it replays whatever it missed.
            var resume = _resumes ? $$"""
                ,"lastEventId":"{{LastSequence}}"
                """ : "";
            _resumes = true;
            step = "subscribe";
            await socket.SendAsync($$$"""{"id":1,"method":"subscription","params":{"input":{"roomId":"{{{roomId}}}"},"path":"chat.onMessage"{{{resume}}}}}""", limit.Token);
            await started.Task.WaitAsync(limit.Token);
            _socket = socket;
            socket = null;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            errors.Add(SoakErrors.Kind.Timeout, $"{step} to room {roomId} not done within {SoakSettings.Timeout.TotalSeconds:0} s");
        }
        catch (Exception exception) when (!ct.IsCancellationRequested && exception is not ProtocolException)
        {
            errors.Add(SoakErrors.Kind.ConnectFailure, $"{step} to room {roomId}: {exception.GetType().Name}: {exception.Message}");
        }
        catch (ProtocolException)
        {
            // Counted when the frame arrived.
        }
        finally
        {
            if (socket is not null)
            {
                await socket.DisposeAsync();
            }
        }
    }

    private void OnFrame(ReadOnlySpan<byte> frame)
    {
        if (!FrameText.TryReadRequestId(frame, out var id))
        {
            errors.Add(SoakErrors.Kind.Protocol, "unexpected frame " + Encoding.UTF8.GetString(frame));
        }
        else if (id != 1)
        {
            if (FrameText.IsError(frame))
            {
                errors.Add(SoakErrors.Kind.Protocol, "query answered " + Encoding.UTF8.GetString(frame));
            }

            if (id == Interlocked.Read(ref _pendingQuery))
            {
                _answer?.TrySetResult();
            }
        }
        else if (FrameText.IsError(frame))
        {
            var text = Encoding.UTF8.GetString(frame);
            errors.Add(SoakErrors.Kind.Protocol, "subscription answered " + text);
            _started?.TrySetException(new ProtocolException(text));
        }
        else if (FrameText.TryReadSequence(frame, out var sequence))
        {
            OnMessage(frame, sequence);
        }
        else if (frame.IndexOf("\"started\""u8) >= 0)
        {
            _started?.TrySetResult();
        }
        else
        {
            errors.Add(SoakErrors.Kind.Protocol, "unexpected subscription frame " + Encoding.UTF8.GetString(frame));
        }
    }

    private void OnMessage(ReadOnlySpan<byte> frame, long sequence)
    {
        var last = LastSequence;
        if (sequence <= last)
        {
            errors.Add(SoakErrors.Kind.Duplicate, $"room {roomId}: sequence {sequence} again after {last}");
            return;
        }

        if (sequence > last + 1)
        {
            errors.AddGap(sequence - last - 1, $"room {roomId}: sequence {sequence} after {last}");
        }

        Interlocked.Exchange(ref _last, sequence);
        if (FrameText.TryReadTimestamp(frame, out var sent))
        {
            measures.Delivery(sent, Interlocked.Read(ref _subscribedAt));
        }
    }

    private sealed class ProtocolException(string message) : Exception(message);
}
