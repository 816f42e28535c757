using System.Text.Json;
using System.Threading.Channels;
using RealtimeApp.Client.Protocol;

namespace RealtimeApp.Client.Connection;

/// <summary>
/// A subscription's events, read into <typeparamref name="TEvent"/> on the receive loop while the frame's bytes are
/// at hand. The queue is bounded: a reader that falls behind holds the connection up rather than losing events. An
/// event that cannot be read ends the stream with the reader's exception.
/// </summary>
internal sealed class Subscription<TEvent>(long id, string path, ReadOnlyMemory<byte>? input, string? lastEventId, Func<ReadOnlySpan<byte>, TEvent> read)
    : Subscription(id, path, input, lastEventId)
{
    public const int Capacity = 1024;

    private readonly Channel<TEvent> _events = Channel.CreateBounded<TEvent>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<TEvent> Events => _events.Reader;

    public override ValueTask DeliverAsync(ServerFrame frame, CancellationToken cancellationToken)
    {
        TEvent item;
        try
        {
            item = frame.Payload is { } json ? read(json.Span) : default!;
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException)
        {
            // The event is this subscription's to fail (NotSupportedException: a type the serializer cannot read),
            // not the connection's.
            End(exception);
            return ValueTask.CompletedTask;
        }

        if (!_events.Writer.TryWrite(item))
        {
            return WriteAsync(item, frame.EventId, cancellationToken);
        }

        Remember(frame.EventId);
        return ValueTask.CompletedTask;
    }

    public override void End(Exception? error = null) => _events.Writer.TryComplete(error);

    private async ValueTask WriteAsync(TEvent item, string? eventId, CancellationToken cancellationToken)
    {
        try
        {
            await _events.Writer.WriteAsync(item, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            // The reader has gone: nobody wants the event.
            return;
        }

        Remember(eventId);
    }
}
