using System.Collections.Concurrent;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;

namespace RealtimeApp.Web.Features.Rooms;

/// <summary>
/// Rooms and confirmed memberships kept in memory so that posting needs no query. An entry is dropped whenever the
/// room or its membership changes (on any node: the events come through the backplane), and only positive answers
/// are kept, so "not a member" is always checked against the database.
/// </summary>
public sealed class RoomDirectory : IDisposable
{
    private readonly ConcurrentDictionary<string, Entry> _rooms = new(StringComparer.Ordinal);
    private readonly IDisposable[] _invalidations;
    private long _changes;

    public RoomDirectory(EventHub hub)
    {
        ArgumentNullException.ThrowIfNull(hub);

        _invalidations =
        [
            hub.SubscribeAll<RoomChanged>(e => Forget(e.RoomId)),
            hub.SubscribeAll<RoomMembershipChanged>(e => Forget(e.RoomId)),
        ];
    }

    public Room? Find(string roomId) => _rooms.TryGetValue(roomId, out var entry) ? entry.Room : null;

    /// <summary>
    /// How many changes the directory has seen. Read it before querying the database and pass it to
    /// <see cref="Remember"/> or <see cref="RememberMember"/>: an answer read while a change was published is not kept.
    /// </summary>
    public long Changes => Interlocked.Read(ref _changes);

    public void Remember(Room room, long changesBeforeRead)
    {
        ArgumentNullException.ThrowIfNull(room);

        var entry = new Entry(room);
        if (Changes == changesBeforeRead && _rooms.TryAdd(room.Id, entry) && Changes != changesBeforeRead)
        {
            _rooms.TryRemove(KeyValuePair.Create(room.Id, entry));
        }
    }

    public bool IsKnownMember(string roomId, string userId) =>
        _rooms.TryGetValue(roomId, out var entry) && entry.Members.ContainsKey(userId);

    public void RememberMember(string roomId, string userId, long changesBeforeRead)
    {
        if (Changes == changesBeforeRead && _rooms.TryGetValue(roomId, out var entry) && entry.Members.TryAdd(userId, 0) && Changes != changesBeforeRead)
        {
            entry.Members.TryRemove(KeyValuePair.Create(userId, (byte)0));
        }
    }

    public void Forget(string roomId)
    {
        Interlocked.Increment(ref _changes);
        _rooms.TryRemove(roomId, out _);
    }

    public void Dispose() => Array.ForEach(_invalidations, subscription => subscription.Dispose());

    private sealed record Entry(Room Room)
    {
        public ConcurrentDictionary<string, byte> Members { get; } = new(StringComparer.Ordinal);
    }
}
