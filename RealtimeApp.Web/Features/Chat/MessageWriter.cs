using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Web.Features.Chat;

/// <summary>
/// Group commit for new messages: one writer drains the queue, stores everything waiting in one transaction
/// (sequence numbers taken from each room's counter in the same transaction), publishes in sequence order,
/// and only then acknowledges each caller. Nothing is acknowledged or published before it is durable.
/// </summary>
public sealed class MessageWriter(
    IDbContextFactory<ApplicationDbContext> contexts,
    IChatEventPublisher publisher,
    TimeProvider time,
    ILogger<MessageWriter> logger) : BackgroundService
{
    private const int MaxBatchSize = 1024;

    private readonly Channel<PendingMessage> _queue = Channel.CreateBounded<PendingMessage>(
        new BoundedChannelOptions(16 * MaxBatchSize) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Stores <paramref name="message"/>; completes once it is committed, with its sequence number.</summary>
    public async Task<ChatMessage> WriteAsync(NewMessage message, CancellationToken cancellationToken = default)
    {
        var pending = new PendingMessage(message);
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Completion.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingMessage>(MaxBatchSize);
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatchSize && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            await CommitAsync(batch);
            batch.Clear();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task CommitAsync(List<PendingMessage> batch)
    {
        try
        {
            var stored = await StoreAsync(batch);
            publisher.MessagesCommitted(stored);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(stored[i]);
            }
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Storing {Count} chat message(s) failed", batch.Count);
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(exception);
            }
        }
    }

    private async Task<List<ChatMessage>> StoreAsync(List<PendingMessage> batch)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var now = time.GetUtcNow();
        var nextSequence = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var room in batch.GroupBy(pending => pending.Message.RoomId, StringComparer.Ordinal))
        {
            var last = await RoomSequences.ReserveAsync(db, room.Key, room.Count(), now);
            nextSequence[room.Key] = last - room.Count() + 1;
        }

        var stored = batch.Select(pending => ToEntity(pending.Message, nextSequence[pending.Message.RoomId]++, now)).ToList();
        db.ChatMessages.AddRange(stored);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return stored;
    }

    private static ChatMessage ToEntity(NewMessage message, long sequence, DateTimeOffset now) => new()
    {
        RoomId = message.RoomId,
        Sequence = sequence,
        AuthorId = message.AuthorId,
        AuthorName = message.AuthorName,
        Text = message.Text,
        PostedAt = now,
        Mentions = MentionList.Format(message.Mentions),
    };

    private sealed record PendingMessage(NewMessage Message)
    {
        public TaskCompletionSource<ChatMessage> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
