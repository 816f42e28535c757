using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Web.Features.Chat.Persistence;

/// <summary>
/// New messages on SQLite: one prepared insert per message inside the batch's transaction (SQLite runs statements
/// in-process, so a round trip costs nothing), and no automatic WAL checkpoint on the writer's connection so a commit
/// never waits for one.
/// </summary>
public sealed class SqliteMessageStore(IDbContextFactory<ApplicationDbContext> contexts) : IMessageStore
{
    public Task<IMessageStoreSession> OpenSessionAsync(CancellationToken cancellationToken) =>
        StoreSessions.OpenAsync(
            contexts,
            async db =>
            {
                await WalCheckpointer.DisableAutomaticCheckpointsAsync(db, cancellationToken);
                return new Session(db);
            },
            cancellationToken);

    private sealed class Session : IMessageStoreSession
    {
        private readonly ApplicationDbContext _db;
        private readonly DbConnection _connection;
        private readonly RoomSequences _sequences;
        private readonly Func<DateTimeOffset, object> _toProvider;
        private readonly DbCommand _insert;
        private readonly DbParameter[] _values;

        public Session(ApplicationDbContext db)
        {
            _db = db;
            _connection = db.Database.GetDbConnection();
            var converter = db.Model.FindEntityType(typeof(ChatMessage))!.FindProperty(nameof(ChatMessage.PostedAt))!.GetTypeMapping().Converter;
            _toProvider = converter is null ? value => value : value => converter.ConvertToProvider(value)!;
            _sequences = new RoomSequences(_connection, _toProvider);
            _insert = _connection.CreateCommand();
            _insert.CommandText = """
                INSERT INTO "ChatMessages" ("RoomId", "Sequence", "AuthorId", "AuthorName", "Text", "PostedAt", "Mentions", "ClientId")
                VALUES (@roomId, @sequence, @authorId, @authorName, @text, @postedAt, @mentions, @clientId)
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
                RoomSequences.Add(_insert, "@clientId", DBNull.Value),
            ];
        }

        public async Task<StoredBatch> StoreAsync(IReadOnlyList<NewMessage> batch, DateTimeOffset now)
        {
            // BEGIN IMMEDIATE (the provider's default): the write lock is held from here, so no other writer commits the
            // same client id between the look-up and the insert.
            await using var transaction = await _connection.BeginTransactionAsync();
            var retries = new BatchRetries(batch, await SentMessages.FindAsync(_db, transaction, batch));
            var fresh = retries.Fresh;
            var nextSequence = await _sequences.ReserveAsync(transaction, fresh, now);

            _insert.Transaction = transaction;
            _values[5].Value = _toProvider(now);
            var stored = new List<ChatMessage>(fresh.Count);
            foreach (var message in fresh)
            {
                var sequence = nextSequence[message.RoomId]++;
                var mentions = MentionList.Format(message.Mentions);
                _values[0].Value = message.RoomId;
                _values[1].Value = sequence;
                _values[2].Value = message.AuthorId;
                _values[3].Value = message.AuthorName;
                _values[4].Value = message.Text;
                _values[6].Value = mentions;
                _values[7].Value = (object?)message.ClientId ?? DBNull.Value;
                var id = Convert.ToInt64(await _insert.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
                stored.Add(StoredMessage.From(message, id, sequence, now, mentions));
            }

            await transaction.CommitAsync();
            return retries.Complete(stored);
        }

        public async ValueTask DisposeAsync()
        {
            await _insert.DisposeAsync();
            _sequences.Dispose();
            await _db.DisposeAsync();
        }
    }
}
