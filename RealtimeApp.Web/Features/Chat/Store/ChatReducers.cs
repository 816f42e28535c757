using RealtimeApp.Web.Shared.Actions;
using RealtimeApp.Web.State;

namespace RealtimeApp.Web.Features.Chat.Store;

public static class ChatReducers
{
    [ReducerMethod]
    public static ChatState OnSessionStarted(ChatState state, ChatSessionStarted action) => state with { UserId = action.UserId };

    [ReducerMethod]
    public static ChatState OnRoomsLoaded(ChatState state, RoomsLoaded action) => state with { Rooms = [.. action.Rooms] };

    [ReducerMethod]
    public static ChatState OnRoomOpened(ChatState state, RoomOpened action) =>
        state with { CurrentRoomId = action.RoomId, OpenRoomInfo = null, MentionCandidates = null, Messages = [], HasOlder = false, LoadingOlder = false, Error = null };

    [ReducerMethod]
    public static ChatState OnMentionCandidates(ChatState state, MentionCandidatesLoaded action) =>
        action.RoomId == state.CurrentRoomId ? state with { MentionCandidates = [.. action.Candidates] } : state;

    [ReducerMethod]
    public static ChatState OnDescribed(ChatState state, RoomDescribed action) =>
        action.Room.Id == state.CurrentRoomId ? state with { OpenRoomInfo = action.Room } : state;

    [ReducerMethod]
    public static ChatState OnRemoved(ChatState state, RemovedFromRoom action)
    {
        var room = state.Rooms.Find(r => r.Id == action.RoomId);
        var rooms = room is null ? state.Rooms
            : room.IsPrivate ? state.Rooms.Remove(room)
            : state.Rooms.Replace(room, room with { IsMember = false, Unread = 0, UnreadMentions = 0 });
        return action.RoomId != state.CurrentRoomId
            ? state with { Rooms = rooms }
            : state with { Rooms = rooms, Messages = [], Pending = [], OpenRoomInfo = null, Error = $"You are no longer a member of #{room?.Name ?? action.RoomId}." };
    }

    [ReducerMethod]
    public static ChatState OnHistoryLoaded(ChatState state, HistoryLoaded action) =>
        action.RoomId != state.CurrentRoomId
            ? state
            : state with { Messages = MessageTimeline.Merge(state.Messages, action.Messages), HasOlder = action.HasOlder, LoadingOlder = false };

    [ReducerMethod(typeof(LoadOlderRequested))]
    public static ChatState OnLoadOlder(ChatState state) =>
        state.HasOlder && !state.LoadingOlder ? state with { LoadingOlder = true } : state;

    [ReducerMethod]
    public static ChatState OnSend(ChatState state, SendMessage action) =>
        state with { Pending = state.Pending.Add(new PendingMessage(action.ClientId, action.RoomId, action.Text)) };

    [ReducerMethod]
    public static ChatState OnRetry(ChatState state, RetrySend action) => UpdatePending(state, action.ClientId, pending => pending with { Error = null });

    [ReducerMethod]
    public static ChatState OnDiscard(ChatState state, DiscardPending action) =>
        state with { Pending = state.Pending.RemoveAll(pending => pending.ClientId == action.ClientId) };

    [ReducerMethod]
    public static ChatState OnSendFailed(ChatState state, MessageSendFailed action) =>
        UpdatePending(state, action.ClientId, pending => pending with { Error = action.Error });

    [ReducerMethod]
    public static ChatState OnSendSucceeded(ChatState state, MessageSendSucceeded action)
    {
        var sent = state with { Pending = state.Pending.RemoveAll(pending => pending.ClientId == action.ClientId) };
        return OnReceived(sent, new MessageReceived(action.Message));
    }

    [ReducerMethod]
    public static ChatState OnReceived(ChatState state, MessageReceived action)
    {
        var message = action.Message;
        var isCurrent = message.RoomId == state.CurrentRoomId;
        var unseen = !isCurrent && message.AuthorId != state.UserId;
        var mentionsMe = unseen && state.UserId is not null && message.Mentions.Contains(state.UserId);
        var room = state.Rooms.Find(r => r.Id == message.RoomId);
        var rooms = room is null || room.LastSequence >= message.Sequence
            ? state.Rooms
            : state.Rooms.Replace(room, room with
            {
                LastSequence = message.Sequence,
                LastActivityAt = message.PostedAt,
                Unread = room.Unread + (unseen ? 1 : 0),
                UnreadMentions = room.UnreadMentions + (mentionsMe ? 1 : 0),
            });
        // The live event of one's own message can overtake the send's confirmation: it replaces the waiting copy then, found
        // by the send's client id (never by text: two sends of the same text are two messages). A copy marked failed goes too:
        // the echo proves it was stored.
        var echo = message.AuthorId == state.UserId && message.ClientId is { } clientId
            ? state.Pending.Find(p => p.WireClientId == clientId)
            : null;
        return state with
        {
            Rooms = rooms,
            Messages = isCurrent ? MessageTimeline.Upsert(state.Messages, message) : state.Messages,
            Pending = echo is null ? state.Pending : state.Pending.Remove(echo),
        };
    }

    [ReducerMethod]
    public static ChatState OnUpdated(ChatState state, MessageUpdated action) =>
        action.Message.RoomId == state.CurrentRoomId ? state with { Messages = MessageTimeline.Replace(state.Messages, action.Message) } : state;

    [ReducerMethod]
    public static ChatState OnTextChanged(ChatState state, MessageTextChanged action) =>
        UpdateMessage(state, action.RoomId, action.Sequence, m => m with { Text = action.Text, EditedAt = action.EditedAt, Mentions = action.Mentions });

    [ReducerMethod]
    public static ChatState OnRemoved(ChatState state, MessageRemoved action) =>
        UpdateMessage(state, action.RoomId, action.Sequence, m => m with { Text = "", IsDeleted = true, Mentions = [] });

    [ReducerMethod]
    public static ChatState OnJoined(ChatState state, RoomJoined action)
    {
        var existing = state.Rooms.Find(room => room.Id == action.Room.Id);
        var open = state.OpenRoomInfo?.Id == action.Room.Id ? action.Room with { IsArchived = state.OpenRoomInfo.IsArchived } : state.OpenRoomInfo;
        return state with
        {
            Rooms = existing is null ? state.Rooms.Insert(0, action.Room) : state.Rooms.Replace(existing, action.Room),
            OpenRoomInfo = open,
        };
    }

    [ReducerMethod]
    public static ChatState OnRead(ChatState state, RoomRead action)
    {
        var room = state.Rooms.Find(r => r.Id == action.RoomId);
        return room is null || (room.Unread == 0 && room.UnreadMentions == 0)
            ? state
            : state with { Rooms = state.Rooms.Replace(room, room with { Unread = 0, UnreadMentions = 0 }) };
    }

    [ReducerMethod]
    public static ChatState OnFailed(ChatState state, ChatFailed action) => state with { Error = action.Error };

    private static ChatState UpdateMessage(ChatState state, string roomId, long sequence, Func<ChatMessageView, ChatMessageView> update)
    {
        var message = roomId == state.CurrentRoomId ? state.Messages.Find(m => m.Sequence == sequence) : null;
        return message is null ? state : state with { Messages = MessageTimeline.Replace(state.Messages, update(message)) };
    }

    private static ChatState UpdatePending(ChatState state, Guid clientId, Func<PendingMessage, PendingMessage> update)
    {
        var pending = state.Pending.Find(p => p.ClientId == clientId);
        return pending is null ? state : state with { Pending = state.Pending.Replace(pending, update(pending)) };
    }
}
