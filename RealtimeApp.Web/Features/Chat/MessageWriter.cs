using System.Data.Common;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Web.Features.Chat;

/// <summary>
/// Group commit for new messages: one writer drains the queue, stores everything waiting in one transaction
/// (sequence numbers taken from each room's counter in the same transaction), publishes in sequence order,
/// and only then acknowledges each caller. Nothing is acknowledged or published before it is durable.
/// The writer keeps one connection with prepared commands (no change tracking: a batch is a few statement executions).
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
        Session? session = null;
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
    private async Task<Session?> CommitAsync(Session? session, List<PendingMessage> batch)
    {
        try
        {
            session ??= await Session.OpenAsync(contexts);
            var stored = await session.StoreAsync(batch, time.GetUtcNow());
            publisher.MessagesCommitted(stored);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(stored[i]);
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
    }

    /// <summary>The writer's open connection and its prepared commands.</summary>
    private sealed class Session : IAsyncDisposable
    {
        private readonly ApplicationDbContext _db;
        private readonly DbConnection _connection;
        private readonly RoomSequences _sequences;
        private readonly Func<DateTimeOffset, object> _toProvider;
        private readonly DbCommand _insert;
        private readonly DbParameter[] _values;

        private Session(ApplicationDbContext db)
        {
            _db = db;
            _connection = db.Database.GetDbConnection();
            var converter = db.Model.FindEntityType(typeof(ChatMessage))!.FindProperty(nameof(ChatMessage.PostedAt))!.GetTypeMapping().Converter;
            _toProvider = converter is null ? value => value : value => converter.ConvertToProvider(value)!;
            _sequences = new RoomSequences(_connection, _toProvider);
            _insert = _connection.CreateCommand();
            _insert.CommandText = """
                INSERT INTO "ChatMessages" ("RoomId", "Sequence", "AuthorId", "AuthorName", "Text", "PostedAt", "Mentions")
                VALUES (@roomId, @sequence, @authorId, @authorName, @text, @postedAt, @mentions)
                RETURNING "Id"
                """;
            _values =
            [
                RoomSequences.Add(_insert, "@roomId", ""),
                RoomSequences.Add(_insert, "@sequence", 0L),
                RoomSequences.Add(_insert, "@authorId", ""),
                RoomSequences.Add(_insert, "@authorName", ""),
                RoomSequences.Add(_insert, "@text", ""),
                RoomSequences.Add(_insert, "@postedAt", _toProvider(DateTimeOffset.UnixEpoch)),
                RoomSequences.Add(_insert, "@mentions", ""),
            ];
        }

        public static async Task<Session> OpenAsync(IDbContextFactory<ApplicationDbContext> contexts)
        {
            var db = await contexts.CreateDbContextAsync();
            await db.Database.OpenConnectionAsync();
            await WalCheckpointer.DisableAutomaticCheckpointsAsync(db);
            return new Session(db);
        }

        public async Task<List<ChatMessage>> StoreAsync(List<PendingMessage> batch, DateTimeOffset now)
        {
            await using var transaction = await _connection.BeginTransactionAsync();
            var nextSequence = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var room in batch.CountBy(pending => pending.Message.RoomId, StringComparer.Ordinal))
            {
                var last = await _sequences.ReserveAsync(transaction, room.Key, room.Value, now);
                nextSequence[room.Key] = last - room.Value + 1;
            }

            _insert.Transaction = transaction;
            _values[5].Value = _toProvider(now);
            var stored = new List<ChatMessage>(batch.Count);
            foreach (var pending in batch)
            {
                var message = pending.Message;
                var sequence = nextSequence[message.RoomId]++;
                var mentions = MentionList.Format(message.Mentions);
                _values[0].Value = message.RoomId;
                _values[1].Value = sequence;
                _values[2].Value = message.AuthorId;
                _values[3].Value = message.AuthorName;
                _values[4].Value = message.Text;
                _values[6].Value = mentions;
                var id = Convert.ToInt64(await _insert.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
                stored.Add(new ChatMessage
                {
                    Id = id, RoomId = message.RoomId, Sequence = sequence, AuthorId = message.AuthorId, AuthorName = message.AuthorName,
                    Text = message.Text, PostedAt = now, Mentions = mentions,
                });
            }

            await transaction.CommitAsync();
            return stored;
        }

        public async ValueTask DisposeAsync()
        {
            await _insert.DisposeAsync();
            _sequences.Dispose();
            await _db.DisposeAsync();
        }
    }
}
