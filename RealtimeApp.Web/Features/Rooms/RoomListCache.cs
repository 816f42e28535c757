using System.Collections.Concurrent;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;

namespace RealtimeApp.Web.Features.Rooms;

/// <summary>
/// Each user's room list as last read from the database, kept until an event arrives (from this node or, over the
/// backplane, any other) that can change someone's list: a message posted, edited or deleted, a room or membership
/// change, a read marker moved, or the backplane back after an outage (other nodes' events were missed meanwhile).
/// Lists are asked for far more often than that (every page load, every API client's <c>rooms.list</c>); when chat is
/// busy, they are simply read again.
/// </summary>
/// <remarks>
/// Any such event clears every list: the unread counts of all a room's readers move with each message, so a
/// finer-grained rule would buy little. A list read while an event arrives is stamped with the generation it started
/// under and is never served once that generation has passed.
/// </remarks>
public sealed class RoomListCache : IDisposable
{
    /// <summary>Lists kept at most; beyond that a list is served uncached (memory stays bounded by users, not time).</summary>
    public const int MaxLists = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _lists = new(StringComparer.Ordinal);
    private readonly IEventSubscription[] _changes;
    private long _generation;

    public RoomListCache(EventHub hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        _changes =
        [
            hub.SubscribeAll<MessagePosted>(_ => Invalidate()),
            hub.SubscribeAll<MessageEdited>(_ => Invalidate()),
            hub.SubscribeAll<MessageDeleted>(_ => Invalidate()),
            hub.SubscribeAll<RoomChanged>(_ => Invalidate()),
            hub.SubscribeAll<RoomMembershipChanged>(_ => Invalidate()),
            hub.SubscribeAll<ReadMarkerMoved>(_ => Invalidate()),
            hub.SubscribeAll<BackplaneResumed>(_ => Invalidate()),
        ];
    }

    /// <summary>Taken before reading a list from the database, and given back to <see cref="Keep"/> with it.</summary>
    public long Generation => Volatile.Read(ref _generation);

    /// <summary>The user's list, if it was kept and nothing has changed since.</summary>
    public IReadOnlyList<RoomSummary>? Find(string userId) =>
        _lists.TryGetValue(userId, out var entry) && entry.Generation == Generation ? entry.Rooms : null;

    /// <summary>Keeps a list read under <paramref name="generation"/>, unless something changed while it was read.</summary>
    public void Keep(string userId, long generation, IReadOnlyList<RoomSummary> rooms)
    {
        if (generation == Generation && (_lists.Count < MaxLists || _lists.ContainsKey(userId)))
        {
            _lists[userId] = new Entry(generation, rooms);
        }
    }

    public void Dispose()
    {
        foreach (var change in _changes)
        {
            change.Dispose();
        }
    }

    private void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _lists.Clear();
    }

    private sealed record Entry(long Generation, IReadOnlyList<RoomSummary> Rooms);
}
