using RealtimeApp.Client.Protocol;

namespace RealtimeApp.Client.Connection;

/// <summary>
/// A subscription whose events go straight to a handler on the receive loop, read into <typeparamref name="TEvent"/>
/// while the frame's bytes are at hand: no queue and no hand-off to another thread. The connection's next frame waits
/// for the handler. An exception from the handler (or from reading the event) ends the subscription with it.
/// </summary>
internal sealed class HandlerSubscription<TEvent>(
    long id, string path, ReadOnlyMemory<byte>? input, string? lastEventId, Func<ReadOnlySpan<byte>, TEvent> read, Action<TEvent> handler)
    : Subscription(id, path, input, lastEventId)
{
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the subscription ends: normally (the server stopped it) or with its error.</summary>
    public Task Ended => _ended.Task;

    public override ValueTask DeliverAsync(ServerFrame frame, CancellationToken cancellationToken)
    {
        if (_ended.Task.IsCompleted)
        {
            // Ended by its handler: what arrives before the server hears of it is nobody's.
            return ValueTask.CompletedTask;
        }

        try
        {
            handler(frame.Payload is { } json ? read(json.Span) : default!);
        }
        catch (Exception exception)
        {
            End(exception);
            return ValueTask.CompletedTask;
        }

        Remember(frame.EventId);
        return ValueTask.CompletedTask;
    }

    public override void End(Exception? error = null)
    {
        if (error is null)
        {
            _ended.TrySetResult();
        }
        else
        {
            _ended.TrySetException(error);
        }
    }
}
