using System.Collections.Immutable;
using RealtimeApp.Web.Features.Rooms;
using RealtimeApp.Web.State;

namespace RealtimeApp.Web.Features.Chat.Store;

/// <summary>The chat page of one circuit: the room list, the open room's messages and what is still being sent.</summary>
[FeatureState(MaximumStateChangedNotificationsPerSecond = 20)]
public sealed record ChatState
{
    public string? UserId { get; init; }

    public ImmutableList<RoomSummary> Rooms { get; init; } = [];

    public string? CurrentRoomId { get; init; }

    /// <summary>Confirmed messages of the open room, oldest first.</summary>
    public ImmutableList<ChatMessageView> Messages { get; init; } = [];

    public ImmutableList<PendingMessage> Pending { get; init; } = [];

    /// <summary>Members of the open room who can be @mentioned; loaded the first time the user types an @.</summary>
    public ImmutableList<MentionCandidate>? MentionCandidates { get; init; }

    public bool HasOlder { get; init; }

    public bool LoadingOlder { get; init; }

    public string? Error { get; init; }

    /// <summary>The open room as last described by the server (it may be archived, or not in the list).</summary>
    public RoomSummary? OpenRoomInfo { get; init; }

    public RoomSummary? CurrentRoom => OpenRoomInfo ?? Rooms.Find(room => room.Id == CurrentRoomId);
}
