using RealtimeApp.Client.Protocol;

namespace RealtimeApp.Client.Connection;

/// <summary>
/// One subscription as the client keeps it across connections: its request, and the id of the last tracked event it
/// received (sent as <c>lastEventId</c> when it subscribes again). <see cref="Subscription{TEvent}"/> queues its events
/// for a reader; <see cref="HandlerSubscription{TEvent}"/> hands them to a handler.
/// </summary>
internal abstract class Subscription(long id, string path, ReadOnlyMemory<byte>? input, string? lastEventId)
{
    private SocketSession? _sentOn;

    public long Id { get; } = id;

    public string Path { get; } = path;

    /// <summary>The id of the last tracked event handed on (at first, where the caller asked to start), or null.</summary>
    public string? LastEventId { get; private set; } = lastEventId;

    /// <summary>
    /// True the first time it is asked for <paramref name="session"/>: the subscription is then sent on it, by the
    /// supervisor (a new connection) or by the caller (a subscription made while open), never by both.
    /// </summary>
    public bool TryClaim(SocketSession session) => Interlocked.Exchange(ref _sentOn, session) != session;

    /// <summary>The <c>subscription</c> request, resuming after <see cref="LastEventId"/> once there is one.</summary>
    public byte[] Request() => ClientFrames.Request(Id, "subscription", Path, input, LastEventId);

    /// <summary>
    /// Queues the event <paramref name="frame"/> carries, read before the first await (its payload lives in the
    /// receive buffer, which the next frame overwrites); waits while the queue is full.
    /// </summary>
    public abstract ValueTask DeliverAsync(ServerFrame frame, CancellationToken cancellationToken);

    /// <summary>Ends the stream: normally (the server stopped it) or with <paramref name="error"/>.</summary>
    public abstract void End(Exception? error = null);

    /// <summary>Notes the id of an event handed on: the next connection resumes after it.</summary>
    protected void Remember(string? eventId) => LastEventId = eventId ?? LastEventId;
}
