using System.Buffers;
using System.IO.Pipelines;

namespace RealtimeApp.Web.Realtime.Http;

/// <summary>
/// The stream's only writer: events leave in the order they were sent. An event goes straight into the response when
/// nothing is being written; otherwise it is copied into a queue that, like a WebSocket's send queue, is bounded by
/// bytes (<c>Api:SendQueueBytes</c>, queued plus not yet flushed): a reader that falls further behind gets
/// <see cref="TrySend"/> false, and its stream is ended so the client reconnects and resumes.
/// </summary>
/// <remarks>
/// No task waits while there is nothing to send: the first event starts a drain on the sending thread, which flushes
/// and writes whatever was queued meanwhile, until the queue is empty (as the WebSocket's <c>OutboundWriter</c>).
/// </remarks>
internal sealed class SseOutbox(PipeWriter body, long capacityBytes, TimeProvider time)
{
    /// <summary>Flush at least this often while a backlog is written, so a slow reader holds back the queue, not the pipe.</summary>
    private const int FlushEveryBytes = 16 * 1024;

    private readonly Lock _lock = new();
    private readonly Queue<ReadOnlyMemory<byte>> _queue = new();
    private TaskCompletionSource? _drained;
    private bool _draining;
    private bool _failed;
    private long _bytes;
    private long _lastSent = time.GetTimestamp();

    public long QueuedBytes => Interlocked.Read(ref _bytes);

    /// <summary>True once writing failed (the reader left): nothing more will be sent.</summary>
    public bool IsBroken
    {
        get
        {
            lock (_lock)
            {
                return _failed;
            }
        }
    }

    /// <summary>Time since the last event was sent (a ping is due when nothing was for a while).</summary>
    public TimeSpan SinceLastEvent => time.GetElapsedTime(Interlocked.Read(ref _lastSent));

    /// <summary>Sends an event; false when the reader is too far behind (or writing failed): the caller ends the stream.</summary>
    public bool TrySend(SseFrame frame)
    {
        bool direct;
        lock (_lock)
        {
            if (_failed)
            {
                return false;
            }

            Interlocked.Exchange(ref _lastSent, time.GetTimestamp());
            direct = !_draining;
            _draining = true;
        }

        return direct ? TryWriteNow(frame) : TryQueue(frame.ToBytes());
    }

    /// <summary>Completes once everything sent so far was written and flushed, or writing failed.</summary>
    public Task FlushedAsync()
    {
        lock (_lock)
        {
            if (!_draining)
            {
                return Task.CompletedTask;
            }

            _drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _drained.Task;
        }
    }

    /// <summary>Nothing else is writing (this call set the drain flag): the event goes straight into the response.</summary>
    private bool TryWriteNow(SseFrame frame)
    {
        try
        {
            frame.WriteTo(body);
        }
        catch (InvalidOperationException)
        {
            // The response is already complete.
            Fail();
            return false;
        }

        _ = DrainAsync();
        return true;
    }

    private bool TryQueue(ReadOnlyMemory<byte> frame)
    {
        lock (_lock)
        {
            if (_failed || _bytes + frame.Length > capacityBytes)
            {
                return false;
            }

            _queue.Enqueue(frame);
            _bytes += frame.Length;
            if (_draining)
            {
                return true;
            }

            // The drain ended while the frame was being copied: start another.
            _draining = true;
        }

        _ = DrainAsync();
        return true;
    }

    /// <summary>Flushes what is in the response, then writes and flushes the queue until it is empty.</summary>
    private async Task DrainAsync()
    {
        try
        {
            await FlushAsync();
            long unflushed = 0;
            while (TryTakeNext(out var frame, out var isLast))
            {
                body.Write(frame.Span);
                unflushed += frame.Length;
                if (isLast || unflushed >= FlushEveryBytes)
                {
                    await FlushAsync();
                    Interlocked.Add(ref _bytes, -unflushed);
                    unflushed = 0;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // The reader left: nothing more can be written; the stream's loop sees the abort too.
            Fail();
        }
    }

    private void Fail()
    {
        lock (_lock)
        {
            _failed = true;
            _queue.Clear();
            EndDrain();
        }
    }

    private async ValueTask FlushAsync()
    {
        var flushed = await body.FlushAsync();
        if (flushed.IsCompleted || flushed.IsCanceled)
        {
            throw new IOException("The response ended while events were still being written.");
        }
    }

    /// <summary>The next frame, and whether it is the last one queued for now; false (and the drain ends) when there is none.</summary>
    private bool TryTakeNext(out ReadOnlyMemory<byte> frame, out bool isLast)
    {
        lock (_lock)
        {
            if (_queue.TryDequeue(out frame))
            {
                isLast = _queue.Count == 0;
                return true;
            }

            EndDrain();
            isLast = true;
            return false;
        }
    }

    private void EndDrain()
    {
        _draining = false;
        _drained?.TrySetResult();
        _drained = null;
    }
}
