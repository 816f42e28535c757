using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;

namespace RealtimeApp.Web.Features.Rooms.Presence;

/// <summary>
/// Who is in which room right now, counted per live connection (each browser tab's circuit, each API subscription),
/// so a user stays online while any of their connections is there. Publishes <see cref="PresenceChanged"/> when a
/// user's first connection enters a room and when their last one leaves.
/// </summary>
public sealed class PresenceTracker(EventHub hub)
{
    private readonly Dictionary<string, Dictionary<string, Entry>> _rooms = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Counts one connection of the user in the room until the returned handle is disposed.</summary>
    public IDisposable Enter(string roomId, string userId, string userName)
    {
        bool first;
        lock (_gate)
        {
            if (!_rooms.TryGetValue(roomId, out var users))
            {
                _rooms[roomId] = users = new Dictionary<string, Entry>(StringComparer.Ordinal);
            }

            first = !users.TryGetValue(userId, out var entry);
            users[userId] = new Entry(userName, (entry?.Connections ?? 0) + 1);
        }

        if (first)
        {
            hub.Publish(new PresenceChanged(roomId, userId, userName, IsOnline: true));
        }

        return new Handle(this, roomId, userId);
    }

    public IReadOnlyList<PresenceMember> Online(string roomId)
    {
        lock (_gate)
        {
            return _rooms.TryGetValue(roomId, out var users)
                ? users.Select(pair => new PresenceMember(pair.Key, pair.Value.UserName)).OrderBy(m => m.UserName, StringComparer.OrdinalIgnoreCase).ToList()
                : [];
        }
    }

    private void Leave(string roomId, string userId)
    {
        string? lastName = null;
        lock (_gate)
        {
            if (_rooms.TryGetValue(roomId, out var users) && users.TryGetValue(userId, out var entry))
            {
                if (entry.Connections > 1)
                {
                    users[userId] = entry with { Connections = entry.Connections - 1 };
                }
                else
                {
                    users.Remove(userId);
                    lastName = entry.UserName;
                    if (users.Count == 0)
                    {
                        _rooms.Remove(roomId);
                    }
                }
            }
        }

        if (lastName is not null)
        {
            hub.Publish(new PresenceChanged(roomId, userId, lastName, IsOnline: false));
        }
    }

    private sealed record Entry(string UserName, int Connections);

    private sealed class Handle(PresenceTracker tracker, string roomId, string userId) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                tracker.Leave(roomId, userId);
            }
        }
    }
}
