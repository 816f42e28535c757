using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Web.Features.Chat.Persistence;

/// <summary>
/// New messages on PostgreSQL: the whole batch in one prepared <c>INSERT … SELECT FROM unnest(…)</c> (one round trip
/// to the server however many messages wait), after the rooms' sequence reservations, in one transaction.
/// </summary>
public sealed class PostgresMessageStore(IDbContextFactory<ApplicationDbContext> contexts) : IMessageStore
{
    public async Task<IMessageStoreSession> OpenSessionAsync(CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            var session = new Session(db);
            await session.PrepareAsync(cancellationToken);
            return session;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    private sealed class Session : IMessageStoreSession
    {
        private readonly ApplicationDbContext _db;
        private readonly NpgsqlConnection _connection;
        private readonly RoomSequences _sequences;
        private readonly NpgsqlCommand _insert;
        private readonly NpgsqlParameter<string[]> _roomIds = new("roomIds", NpgsqlDbType.Array | NpgsqlDbType.Text);
        private readonly NpgsqlParameter<long[]> _sequenceNumbers = new("sequences", NpgsqlDbType.Array | NpgsqlDbType.Bigint);
        private readonly NpgsqlParameter<string[]> _authorIds = new("authorIds", NpgsqlDbType.Array | NpgsqlDbType.Text);
        private readonly NpgsqlParameter<string[]> _authorNames = new("authorNames", NpgsqlDbType.Array | NpgsqlDbType.Text);
        private readonly NpgsqlParameter<string[]> _texts = new("texts", NpgsqlDbType.Array | NpgsqlDbType.Text);
        private readonly NpgsqlParameter<string[]> _mentions = new("mentions", NpgsqlDbType.Array | NpgsqlDbType.Text);
        private readonly NpgsqlParameter<DateTimeOffset> _postedAt = new("postedAt", NpgsqlDbType.TimestampTz);

        public Session(ApplicationDbContext db)
        {
            _db = db;
            _connection = (NpgsqlConnection)db.Database.GetDbConnection();
            _sequences = new RoomSequences(_connection, value => value);
            _insert = new NpgsqlCommand(
                """
                INSERT INTO "ChatMessages" ("RoomId", "Sequence", "AuthorId", "AuthorName", "Text", "PostedAt", "Mentions")
                SELECT room_id, sequence, author_id, author_name, text, @postedAt, mentions
                FROM unnest(@roomIds, @sequences, @authorIds, @authorNames, @texts, @mentions)
                    AS batch(room_id, sequence, author_id, author_name, text, mentions)
                RETURNING "Id", "RoomId", "Sequence"
                """,
                _connection)
            {
                Parameters = { _roomIds, _sequenceNumbers, _authorIds, _authorNames, _texts, _mentions, _postedAt },
            };
        }

        public Task PrepareAsync(CancellationToken cancellationToken) => _insert.PrepareAsync(cancellationToken);

        public async Task<IReadOnlyList<ChatMessage>> StoreAsync(IReadOnlyList<NewMessage> batch, DateTimeOffset now)
        {
            await using var transaction = await _connection.BeginTransactionAsync();
            var nextSequence = await _sequences.ReserveAsync(transaction, batch, now);

            var sequences = new long[batch.Count];
            var mentions = new string[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                sequences[i] = nextSequence[batch[i].RoomId]++;
                mentions[i] = MentionList.Format(batch[i].Mentions);
            }

            _roomIds.TypedValue = [.. batch.Select(message => message.RoomId)];
            _sequenceNumbers.TypedValue = sequences;
            _authorIds.TypedValue = [.. batch.Select(message => message.AuthorId)];
            _authorNames.TypedValue = [.. batch.Select(message => message.AuthorName)];
            _texts.TypedValue = [.. batch.Select(message => message.Text)];
            _mentions.TypedValue = mentions;
            _postedAt.TypedValue = now;
            _insert.Transaction = transaction;

            // (room, sequence) is unique: it tells which returned id belongs to which message.
            var ids = new Dictionary<(string RoomId, long Sequence), long>(batch.Count);
            await using (var reader = await _insert.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    ids[(reader.GetString(1), reader.GetInt64(2))] = reader.GetInt64(0);
                }
            }

            await transaction.CommitAsync();
            var stored = new List<ChatMessage>(batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                stored.Add(StoredMessage.From(batch[i], ids[(batch[i].RoomId, sequences[i])], sequences[i], now, mentions[i]));
            }

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
