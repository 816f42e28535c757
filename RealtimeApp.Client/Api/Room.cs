namespace RealtimeApp.Client.Api;

/// <summary>A room as <c>rooms.list</c>, <c>rooms.join</c> and <c>rooms.create</c> return it.</summary>
/// <param name="Id">The room's id (<c>general</c>, or a generated one).</param>
/// <param name="Name">Its display name.</param>
/// <param name="Topic">Its topic, if any.</param>
/// <param name="IsPrivate">Whether only members can see it.</param>
/// <param name="IsMember">Whether the token's owner is a member.</param>
/// <param name="LastSequence">The sequence of its newest message (0 when empty).</param>
/// <param name="LastActivityAt">When its newest message was posted (or when it was created).</param>
/// <param name="Unread">How many messages the owner has not read.</param>
/// <param name="UnreadMentions">How many of those mention the owner.</param>
public sealed record Room(
    string Id,
    string Name,
    string? Topic,
    bool IsPrivate,
    bool IsMember,
    long LastSequence,
    DateTimeOffset LastActivityAt,
    int Unread,
    int UnreadMentions);
