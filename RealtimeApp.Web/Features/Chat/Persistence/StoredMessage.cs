using RealtimeApp.Domain.Chat;

namespace RealtimeApp.Web.Features.Chat.Persistence;

internal static class StoredMessage
{
    /// <summary>The message as a store just committed it.</summary>
    public static ChatMessage From(NewMessage message, long id, long sequence, DateTimeOffset postedAt, string mentions) => new()
    {
        Id = id, RoomId = message.RoomId, Sequence = sequence, AuthorId = message.AuthorId, AuthorName = message.AuthorName,
        Text = message.Text, PostedAt = postedAt, Mentions = mentions, ClientId = message.ClientId,
    };
}
