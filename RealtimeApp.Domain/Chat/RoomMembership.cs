namespace RealtimeApp.Domain.Chat;

/// <summary>A user's place in a room: role, and how far they have read (for unread counts).</summary>
public sealed class RoomMembership
{
    public required string RoomId { get; init; }

    public required string UserId { get; init; }

    public RoomRole Role { get; set; }

    public DateTimeOffset JoinedAt { get; init; }

    public long LastReadSequence { get; set; }
}
