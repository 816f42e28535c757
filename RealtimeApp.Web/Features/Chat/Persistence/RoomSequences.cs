using System.Data.Common;

namespace RealtimeApp.Web.Features.Chat.Persistence;

/// <summary>
/// Hands out a room's next sequence numbers inside the SQLite writer's transaction, so several writers never collide:
/// one prepared <c>UPDATE … RETURNING</c> per room and batch (the database stays locked for writes until the batch
/// commits), reused for the writer's lifetime. PostgreSQL's store reserves inside its own batch statement.
/// </summary>
internal sealed class RoomSequences : IDisposable
{
    private readonly DbCommand _reserve;
    private readonly DbParameter _roomId;
    private readonly DbParameter _count;
    private readonly DbParameter _now;
    private readonly Func<DateTimeOffset, object> _toProvider;

    public RoomSequences(DbConnection connection, Func<DateTimeOffset, object> toProvider)
    {
        ArgumentNullException.ThrowIfNull(connection);

        _toProvider = toProvider;
        _reserve = connection.CreateCommand();
        _reserve.CommandText = """
            UPDATE "Rooms" SET "LastSequence" = "LastSequence" + @count, "LastActivityAt" = @now
            WHERE "Id" = @roomId
            RETURNING "LastSequence"
            """;
        _roomId = Add(_reserve, "@roomId", "");
        _count = Add(_reserve, "@count", 0L);
        _now = Add(_reserve, "@now", toProvider(DateTimeOffset.UnixEpoch));
    }

    /// <summary>
    /// Reserves the numbers <paramref name="batch"/> needs in each of its rooms and returns each room's first one.
    /// Rooms are taken in one fixed order, so two writers locking the same rooms never wait for each other in a cycle.
    /// </summary>
    public async Task<Dictionary<string, long>> ReserveAsync(DbTransaction transaction, IReadOnlyList<NewMessage> batch, DateTimeOffset now)
    {
        var first = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var room in batch.CountBy(message => message.RoomId, StringComparer.Ordinal).OrderBy(room => room.Key, StringComparer.Ordinal))
        {
            var last = await ReserveAsync(transaction, room.Key, room.Value, now);
            first[room.Key] = last - room.Value + 1;
        }

        return first;
    }

    /// <summary>Reserves <paramref name="count"/> numbers and returns the last one; throws when the room does not exist.</summary>
    private async Task<long> ReserveAsync(DbTransaction transaction, string roomId, int count, DateTimeOffset now)
    {
        _reserve.Transaction = transaction;
        _roomId.Value = roomId;
        _count.Value = (long)count;
        _now.Value = _toProvider(now);
        var last = await _reserve.ExecuteScalarAsync();
        return last is null or DBNull
            ? throw new InvalidOperationException($"Room '{roomId}' does not exist.")
            : Convert.ToInt64(last, System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => _reserve.Dispose();

    internal static DbParameter Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
