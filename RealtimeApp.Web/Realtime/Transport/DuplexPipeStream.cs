using System.Buffers;
using System.IO.Pipelines;

namespace RealtimeApp.Web.Realtime.Transport;

/// <summary>
/// A Kestrel connection's pipes as the stream a <see cref="System.Net.WebSockets.WebSocket"/> runs on. A zero-byte read
/// waits for data without taking any (an idle socket holds no buffer). Disposing it (the WebSocket does on abort)
/// wakes a pending read or flush, which then fails; the pipes themselves belong to Kestrel, which completes them.
/// </summary>
internal sealed class DuplexPipeStream(IDuplexPipe transport) : Stream
{
    private readonly PipeReader _input = transport.Input;
    private readonly PipeWriter _output = transport.Output;
    private volatile bool _disposed;

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var result = await _input.ReadAsync(cancellationToken);
        var buffer = result.Buffer;
        if (_disposed || result.IsCanceled)
        {
            _input.AdvanceTo(buffer.Start);
            ObjectDisposedException.ThrowIf(_disposed, this);
            throw new OperationCanceledException("The read was canceled.");
        }

        if (destination.IsEmpty || buffer.IsEmpty)
        {
            // Leave the data unexamined, so the next read returns at once (a zero-byte read only waits for data).
            _input.AdvanceTo(buffer.Start);
            return 0;
        }

        var count = (int)Math.Min(buffer.Length, destination.Length);
        buffer.Slice(0, count).CopyTo(destination.Span);
        _input.AdvanceTo(buffer.GetPosition(count));
        return count;
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var result = await _output.WriteAsync(source, cancellationToken);
        if (result.IsCanceled || result.IsCompleted)
        {
            throw new IOException("The connection was closed.");
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _output.FlushAsync(cancellationToken);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Use ReadAsync.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("Use WriteAsync.");

    public override void Flush() => throw new NotSupportedException("Use FlushAsync.");

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _input.CancelPendingRead();
            _output.CancelPendingFlush();
        }

        base.Dispose(disposing);
    }
}
