using System.Threading.Channels;
using RealtimeApp.Client.Protocol;

namespace RealtimeApp.Client.Connection;

/// <summary>
/// One subscription as the client keeps it across connections: its request, the id of the last tracked event it
/// received (sent as <c>lastEventId</c> when it subscribes again) and the events waiting to be read. The queue is
/// bounded: a reader that falls behind holds the connection up rather than losing events.
/// </summary>
internal sealed class Subscription(long id, string path, ReadOnlyMemory<byte>? input, string? lastEventId)
{
    public const int Capacity = 1024;

    private readonly Channel<byte[]?> _events = Channel.CreateBounded<byte[]?>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

    private SocketSession? _sentOn;

    public long Id { get; } = id;

    public string Path { get; } = path;

    public ChannelReader<byte[]?> Events => _events.Reader;

    /// <summary>The id of the last tracked event queued (at first, where the caller asked to start), or null.</summary>
    public string? LastEventId { get; private set; } = lastEventId;

    /// <summary>
    /// True the first time it is asked for <paramref name="session"/>: the subscription is then sent on it, by the
    /// supervisor (a new connection) or by the caller (a subscription made while open), never by both.
    /// </summary>
    public bool TryClaim(SocketSession session) => Interlocked.Exchange(ref _sentOn, session) != session;

    /// <summary>The <c>subscription</c> request, resuming after <see cref="LastEventId"/> once there is one.</summary>
    public byte[] Request() => ClientFrames.Request(Id, "subscription", Path, input, LastEventId);

    public async ValueTask DeliverAsync(ServerFrame frame, CancellationToken cancellationToken)
    {
        try
        {
            await _events.Writer.WriteAsync(frame.Payload, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            // The reader has gone: nobody wants the event.
            return;
        }

        if (frame.EventId is not null)
        {
            LastEventId = frame.EventId;
        }
    }

    /// <summary>Ends the stream: normally (the server stopped it) or with <paramref name="error"/>.</summary>
    public void End(Exception? error = null) => _events.Writer.TryComplete(error);
}
