using RealtimeApp.Web.Features.Chat;
using RealtimeApp.Web.Features.Rooms;

namespace RealtimeApp.Tests.Features.Chat.Support;

/// <summary>Small builders for messages and room summaries as the store sees them.</summary>
public static class ChatSamples
{
    public static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    public static ChatMessageView Message(
        long sequence, string roomId = "dev", string authorId = "bob", string? text = null, DateTimeOffset? postedAt = null, params string[] mentions) =>
        new(sequence, roomId, sequence, authorId, authorId, text ?? $"message {sequence}", postedAt ?? Noon.AddSeconds(sequence), null, false, mentions);

    public static RoomSummary Room(string id, long lastSequence = 0, bool isMember = true, int unread = 0, int mentions = 0) =>
        new(id, id, null, IsPrivate: false, isMember, lastSequence, Noon, unread, mentions);
}
