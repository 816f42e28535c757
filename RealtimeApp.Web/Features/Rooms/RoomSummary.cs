namespace RealtimeApp.Web.Features.Rooms;

/// <summary>A room in someone's room list: whether they belong to it and what they have not read yet.</summary>
public sealed record RoomSummary(
    string Id,
    string Name,
    string? Topic,
    bool IsPrivate,
    bool IsMember,
    long LastSequence,
    DateTimeOffset LastActivityAt,
    int Unread,
    int UnreadMentions)
{
    /// <summary>Read-only: archived rooms keep their history but take no new messages (only the open room can be archived).</summary>
    public bool IsArchived { get; init; }

    /// <summary>The user moderates this room: they may delete anyone's messages in it.</summary>
    public bool IsModerator { get; init; }
}
