using System.Collections.Concurrent;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;

namespace RealtimeApp.Web.Features.Rooms.Presence;

/// <summary>
/// "Ana is typing…": at most one update per <see cref="Throttle"/> per user and room; receivers drop an indicator
/// that has not been renewed within <see cref="Expiry"/>. Sending a message ends it at once.
/// </summary>
public sealed class TypingNotifier(EventHub hub, TimeProvider time)
{
    public static readonly TimeSpan Throttle = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(6);

    private readonly ConcurrentDictionary<(string RoomId, string UserId), DateTimeOffset> _lastSent = new();

    /// <summary>Returns true when an update went out, false when it was throttled.</summary>
    public bool Typing(string roomId, string userId, string userName)
    {
        var now = time.GetUtcNow();
        var key = (roomId, userId);
        if (_lastSent.TryGetValue(key, out var last) && now - last < Throttle)
        {
            return false;
        }

        _lastSent[key] = now;
        hub.Publish(new TypingChanged(roomId, userId, userName, IsTyping: true));
        return true;
    }

    public void Stopped(string roomId, string userId, string userName)
    {
        if (_lastSent.TryRemove((roomId, userId), out _))
        {
            hub.Publish(new TypingChanged(roomId, userId, userName, IsTyping: false));
        }
    }
}
