using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Web.Features.Chat.Persistence;

/// <summary>
/// New messages on PostgreSQL: the whole batch, sequence reservations included, in one prepared statement (one round
/// trip to the server however many messages and rooms wait), then the commit.
/// </summary>
public sealed class PostgresMessageStore(IDbContextFactory<ApplicationDbContext> contexts) : IMessageStore
{
    public Task<IMessageStoreSession> OpenSessionAsync(CancellationToken cancellationToken) =>
        StoreSessions.OpenAsync(
            contexts,
            async db =>
            {
                var session = new Session(db);
                await session.PrepareAsync(cancellationToken);
                return session;
            },
            cancellationToken);

    private sealed class Session : IMessageStoreSession
    {
        /// <summary>
        /// One statement for the whole batch: lock the batch's rooms in id order (two nodes writing to the same rooms
        /// never wait for each other in a cycle), move each room's counter on by its count, number each room's messages
        /// from the old value in batch order, and insert them.
        /// </summary>
        private const string StoreBatch = """
            WITH locked AS (
                SELECT "Id" FROM "Rooms" WHERE "Id" = ANY(@rooms) ORDER BY "Id" FOR UPDATE
            ), reserved AS (
                UPDATE "Rooms" AS room SET "LastSequence" = room."LastSequence" + counted.n, "LastActivityAt" = @postedAt
                FROM unnest(@rooms, @counts) AS counted(id, n)
                WHERE room."Id" = counted.id AND room."Id" IN (SELECT "Id" FROM locked)
                RETURNING room."Id", room."LastSequence" - counted.n AS before
            ), batch AS (
                SELECT message.*, row_number() OVER (PARTITION BY message.room_id ORDER BY message.position) AS k
                FROM unnest(@roomIds, @authorIds, @authorNames, @texts, @mentions, @clientIds)
                    WITH ORDINALITY AS message(room_id, author_id, author_name, text, mentions, client_id, position)
            )
            INSERT INTO "ChatMessages" ("RoomId", "Sequence", "AuthorId", "AuthorName", "Text", "PostedAt", "Mentions", "ClientId")
            SELECT batch.room_id, reserved.before + batch.k, batch.author_id, batch.author_name, batch.text, @postedAt, batch.mentions, batch.client_id
            FROM batch JOIN reserved ON reserved."Id" = batch.room_id
            RETURNING "Id", "RoomId", "Sequence"
            """;

        private readonly ApplicationDbContext _db;
        private readonly NpgsqlConnection _connection;
        private readonly NpgsqlCommand _insert;
        private readonly NpgsqlParameter<string[]> _rooms = new("rooms", NpgsqlDbType.Array | NpgsqlDbType.Text);
        private readonly NpgsqlParameter<long[]> _counts = new("counts", NpgsqlDbType.Array | NpgsqlDbType.Bigint);
        private readonly NpgsqlParameter<string[]> _roomIds = new("roomIds", NpgsqlDbType.Array | NpgsqlDbType.Text);
        private readonly NpgsqlParameter<string[]> _authorIds = new("authorIds", NpgsqlDbType.Array | NpgsqlDbType.Text);
        private readonly NpgsqlParameter<string[]> _authorNames = new("authorNames", NpgsqlDbType.Array | NpgsqlDbType.Text);
        private readonly NpgsqlParameter<string[]> _texts = new("texts", NpgsqlDbType.Array | NpgsqlDbType.Text);
        private readonly NpgsqlParameter<string[]> _mentions = new("mentions", NpgsqlDbType.Array | NpgsqlDbType.Text);
        private readonly NpgsqlParameter<string?[]> _clientIds = new("clientIds", NpgsqlDbType.Array | NpgsqlDbType.Text);
        private readonly NpgsqlParameter<DateTimeOffset> _postedAt = new("postedAt", NpgsqlDbType.TimestampTz);
        private readonly NpgsqlCommand _lockClientIds;
        private readonly NpgsqlParameter<int[]> _lockKeys = new("keys", NpgsqlDbType.Array | NpgsqlDbType.Integer);

        public Session(ApplicationDbContext db)
        {
            _db = db;
            _connection = (NpgsqlConnection)db.Database.GetDbConnection();
            _insert = new NpgsqlCommand(StoreBatch, _connection)
            {
                Parameters = { _rooms, _counts, _roomIds, _authorIds, _authorNames, _texts, _mentions, _clientIds, _postedAt },
            };
            _lockClientIds = new NpgsqlCommand(ClientIdLocks.Statement, _connection) { Parameters = { _lockKeys } };
        }

        public async Task PrepareAsync(CancellationToken cancellationToken)
        {
            await _insert.PrepareAsync(cancellationToken);
            await _lockClientIds.PrepareAsync(cancellationToken);
        }

        public async Task<StoredBatch> StoreAsync(IReadOnlyList<NewMessage> batch, DateTimeOffset now)
        {
            await using var transaction = await _connection.BeginTransactionAsync();
            var retries = await FindRetriesAsync(batch, transaction);
            List<ChatMessage> stored = retries.Fresh.Count == 0 ? [] : await InsertAsync(retries.Fresh, now, transaction);
            await transaction.CommitAsync();
            return retries.Complete(stored);
        }

        /// <summary>
        /// Writers of the same (author, client id), on any node, take turns on a transaction-scoped advisory lock, so the
        /// look-up after it sees what the other committed (a room lock would not do: a reused id may name another room).
        /// </summary>
        private async Task<BatchRetries> FindRetriesAsync(IReadOnlyList<NewMessage> batch, NpgsqlTransaction transaction)
        {
            if (batch.All(message => message.ClientId is null))
            {
                return new BatchRetries(batch, new Dictionary<(string, string), ChatMessage>());
            }

            _lockKeys.TypedValue = ClientIdLocks.Keys(batch);
            _lockClientIds.Transaction = transaction;
            await _lockClientIds.ExecuteNonQueryAsync();
            return new BatchRetries(batch, await SentMessages.FindAsync(_db, transaction, batch));
        }

        private async Task<List<ChatMessage>> InsertAsync(IReadOnlyList<NewMessage> batch, DateTimeOffset now, NpgsqlTransaction transaction)
        {
            var rooms = batch.CountBy(message => message.RoomId, StringComparer.Ordinal).ToList();
            _rooms.TypedValue = [.. rooms.Select(room => room.Key)];
            _counts.TypedValue = [.. rooms.Select(room => (long)room.Value)];
            _roomIds.TypedValue = [.. batch.Select(message => message.RoomId)];
            _authorIds.TypedValue = [.. batch.Select(message => message.AuthorId)];
            _authorNames.TypedValue = [.. batch.Select(message => message.AuthorName)];
            _texts.TypedValue = [.. batch.Select(message => message.Text)];
            var mentions = batch.Select(message => MentionList.Format(message.Mentions)).ToArray();
            _mentions.TypedValue = mentions;
            _clientIds.TypedValue = [.. batch.Select(message => message.ClientId)];
            _postedAt.TypedValue = now;

            _insert.Transaction = transaction;
            var returned = new List<(long Id, string RoomId, long Sequence)>(batch.Count);
            await using (var reader = await _insert.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    returned.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)));
                }
            }

            // A room that does not exist yields no rows: nothing commits.
            if (returned.Count != batch.Count)
            {
                var missing = rooms.Select(room => room.Key).First(room => !returned.Exists(row => row.RoomId == room));
                throw new InvalidOperationException($"Room '{missing}' does not exist.");
            }

            // Within a room, sequences follow batch order: the room's n-th message in the batch has its n-th lowest number.
            var numbered = returned.GroupBy(row => row.RoomId, StringComparer.Ordinal)
                .ToDictionary(room => room.Key, room => new Queue<(long Id, string RoomId, long Sequence)>(room.OrderBy(row => row.Sequence)), StringComparer.Ordinal);
            var stored = new List<ChatMessage>(batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                var row = numbered[batch[i].RoomId].Dequeue();
                stored.Add(StoredMessage.From(batch[i], row.Id, row.Sequence, now, mentions[i]));
            }

            return stored;
        }

        public async ValueTask DisposeAsync()
        {
            await _insert.DisposeAsync();
            await _lockClientIds.DisposeAsync();
            await _db.DisposeAsync();
        }
    }
}
