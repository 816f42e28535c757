using RealtimeApp.Web.Features.Rooms;

namespace RealtimeApp.Web.Features.Chat.Store;

public sealed record ChatOpened(string? RoomId);

public sealed record RoomsLoaded(IReadOnlyList<RoomSummary> Rooms);

public sealed record OpenRoom(string RoomId);

public sealed record HistoryLoaded(string RoomId, IReadOnlyList<ChatMessageView> Messages, bool HasOlder, bool Older);

public sealed record LoadOlderRequested;

public sealed record SendMessage(Guid ClientId, string RoomId, string Text);

public sealed record RetrySend(Guid ClientId);

public sealed record DiscardPending(Guid ClientId);

public sealed record MessageSendSucceeded(Guid ClientId, ChatMessageView Message);

public sealed record MessageSendFailed(Guid ClientId, string Error);

public sealed record MessageReceived(ChatMessageView Message);

public sealed record MessageUpdated(ChatMessageView Message);

public sealed record MessageTextChanged(string RoomId, long Sequence, string Text, DateTimeOffset EditedAt, IReadOnlyList<string> Mentions);

public sealed record MessageRemoved(string RoomId, long Sequence);

public sealed record EditMessage(string RoomId, long Sequence, string Text);

public sealed record DeleteMessage(string RoomId, long Sequence);

public sealed record JoinRoom(string RoomId);

public sealed record RoomJoined(RoomSummary Room);

public sealed record RoomRead(string RoomId, long Sequence);

public sealed record ChatFailed(string Error);

public sealed record RoomDescribed(RoomSummary Room);

public sealed record RoomsChanged(string RoomId);

/// <summary>The link to the other nodes came back after an outage: the room list and the open room are read again.</summary>
public sealed record ChatResyncRequested;

public sealed record RemovedFromRoom(string RoomId);

public sealed record LoadMentionCandidates(string RoomId);

public sealed record MentionCandidatesLoaded(string RoomId, IReadOnlyList<MentionCandidate> Candidates);

public sealed record LeaveRoom(string RoomId);
