using System.Buffers;
using System.IO.Pipelines;

namespace RealtimeApp.Web.Realtime.Http;

/// <summary>
/// The stream's only writer: events leave in the order they were queued. Like a WebSocket's send queue it is bounded
/// by bytes (queued plus not yet flushed, <c>Api:SendQueueBytes</c>): a reader that falls further behind gets
/// <see cref="TryEnqueue"/> false, and its stream is ended so the client reconnects and resumes.
/// </summary>
/// <remarks>
/// No task waits while there is nothing to send: the first event queued starts a drain on the queuing thread, which
/// writes everything queued and flushes, until the queue is empty (as the WebSocket's <c>OutboundWriter</c>).
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
    private long _lastQueued = time.GetTimestamp();

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

    /// <summary>Time since the last event was queued (a ping is due when nothing was for a while).</summary>
    public TimeSpan SinceLastEvent => time.GetElapsedTime(Interlocked.Read(ref _lastQueued));

    /// <summary>Queues an event; false when the reader is too far behind (or writing failed): the caller ends the stream.</summary>
    public bool TryEnqueue(ReadOnlyMemory<byte> frame)
    {
        lock (_lock)
        {
            if (_failed || _bytes + frame.Length > capacityBytes)
            {
                return false;
            }

            _queue.Enqueue(frame);
            Interlocked.Add(ref _bytes, frame.Length);
            Interlocked.Exchange(ref _lastQueued, time.GetTimestamp());
            if (_draining)
            {
                return true;
            }

            _draining = true;
        }

        _ = DrainAsync();
        return true;
    }

    /// <summary>Completes once everything queued so far was written and flushed, or writing failed.</summary>
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

    private async Task DrainAsync()
    {
        try
        {
            long unflushed = 0;
            while (TryTakeNext(out var frame, out var isLast))
            {
                body.Write(frame.Span);
                unflushed += frame.Length;
                if (isLast || unflushed >= FlushEveryBytes)
                {
                    var flushed = await body.FlushAsync();
                    Interlocked.Add(ref _bytes, -unflushed);
                    unflushed = 0;
                    if (flushed.IsCompleted || flushed.IsCanceled)
                    {
                        throw new IOException("The response ended while events were still being written.");
                    }
                }
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // The reader left: nothing more can be written; the stream's loop sees the abort too.
            lock (_lock)
            {
                _failed = true;
                _queue.Clear();
                EndDrain();
            }
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
