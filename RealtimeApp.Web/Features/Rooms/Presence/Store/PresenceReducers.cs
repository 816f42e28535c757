using System.Collections.Immutable;
using RealtimeApp.Web.Shared.Actions;
using RealtimeApp.Web.State;

namespace RealtimeApp.Web.Features.Rooms.Presence.Store;

public static class PresenceReducers
{
    [ReducerMethod]
    public static PresenceState OnSessionStarted(PresenceState state, ChatSessionStarted action) => state with { UserId = action.UserId };

    [ReducerMethod]
    public static PresenceState OnRoomOpened(PresenceState state, RoomOpened action) =>
        state with { RoomId = action.RoomId, Online = [], Typing = ImmutableDictionary<string, TypingMember>.Empty };

    [ReducerMethod]
    public static PresenceState OnLoaded(PresenceState state, PresenceLoaded action) =>
        action.RoomId == state.RoomId ? state with { Online = [.. action.Online] } : state;

    [ReducerMethod]
    public static PresenceState OnUpdated(PresenceState state, PresenceUpdated action)
    {
        if (action.RoomId != state.RoomId)
        {
            return state;
        }

        var others = state.Online.RemoveAll(member => member.UserId == action.Member.UserId);
        var online = action.IsOnline
            ? others.Add(action.Member).Sort((a, b) => string.Compare(a.UserName, b.UserName, StringComparison.OrdinalIgnoreCase))
            : others;
        return state with { Online = online, Typing = action.IsOnline ? state.Typing : state.Typing.Remove(action.Member.UserId) };
    }

    [ReducerMethod]
    public static PresenceState OnTyping(PresenceState state, TypingUpdated action)
    {
        if (action.RoomId != state.RoomId || action.UserId == state.UserId)
        {
            return state;
        }

        var typing = action.IsTyping
            ? state.Typing.SetItem(action.UserId, new TypingMember(action.UserName, action.At + Presence.TypingNotifier.Expiry))
            : state.Typing.Remove(action.UserId);
        return state with { Typing = typing };
    }

    [ReducerMethod]
    public static PresenceState OnExpired(PresenceState state, TypingExpired action)
    {
        var expired = state.Typing.Where(pair => pair.Value.ExpiresAt <= action.Now).Select(pair => pair.Key).ToList();
        return expired.Count == 0 ? state : state with { Typing = state.Typing.RemoveRange(expired) };
    }
}
