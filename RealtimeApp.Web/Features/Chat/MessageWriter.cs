using System.Diagnostics;
using System.Threading.Channels;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Chat.Persistence;
using RealtimeApp.Web.Shared.Telemetry;

namespace RealtimeApp.Web.Features.Chat;

/// <summary>
/// Group commit for new messages: one writer drains the queue, stores everything waiting in one transaction
/// (sequence numbers taken from each room's counter in the same transaction), publishes in sequence order,
/// and only then acknowledges each caller. Nothing is acknowledged or published before it is durable. A retry (a client
/// id its author already used) is answered with the message stored under it and published no second time.
/// The writer keeps one session of the engine's <see cref="IMessageStore"/> open between batches.
/// </summary>
public sealed class MessageWriter(
    IMessageStore store,
    IChatEventPublisher publisher,
    TimeProvider time,
    ILogger<MessageWriter> logger) : BackgroundService
{
    private const int MaxBatchSize = 1024;

    private readonly Channel<PendingMessage> _queue = Channel.CreateBounded<PendingMessage>(
        new BoundedChannelOptions(16 * MaxBatchSize) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Stores <paramref name="message"/>; completes once it is committed, with its sequence number (for a retry, the original message).</summary>
    public async Task<ChatMessage> WriteAsync(NewMessage message, CancellationToken cancellationToken = default)
    {
        var pending = new PendingMessage(message);
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Completion.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingMessage>(MaxBatchSize);
        IMessageStoreSession? session = null;
        try
        {
            while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
            {
                while (batch.Count < MaxBatchSize && _queue.Reader.TryRead(out var pending))
                {
                    batch.Add(pending);
                }

                session = await CommitAsync(session, batch);
                batch.Clear();
                // The callers just acknowledged are queued on the thread pool; let them run (and post again) before the
                // next batch is taken, so it holds what they send rather than the first one or two.
                await Task.Yield();
            }
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    /// <summary>Commits <paramref name="batch"/>; returns the session to reuse, or null when it failed (the next batch opens a new one).</summary>
    private async Task<IMessageStoreSession?> CommitAsync(IMessageStoreSession? session, List<PendingMessage> batch)
    {
        // One transaction serves every caller in the batch: one span, linked to each caller's span (see docs/operations.md).
        using var span = AppTracing.StartDetached("chat.commit", ActivityKind.Internal, links: batch.Where(p => p.Caller != default).Select(p => new ActivityLink(p.Caller)));
        span.Activity?.SetTag("chat.batch.size", batch.Count);
        try
        {
            session ??= await store.OpenSessionAsync(CancellationToken.None);
            var stored = await session.StoreAsync(batch.ConvertAll(pending => pending.Message), StoredInstants.Truncate(time.GetUtcNow()));
            publisher.MessagesCommitted(stored.Added);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(stored.Messages[i]);
            }

            return session;
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Storing {Count} chat message(s) failed", batch.Count);
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(exception);
            }

            if (session is not null)
            {
                await session.DisposeAsync();
            }

            return null;
        }
    }

    private sealed record PendingMessage(NewMessage Message)
    {
        public TaskCompletionSource<ChatMessage> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ActivityContext Caller { get; } = Activity.Current?.Context ?? default;
    }
}
