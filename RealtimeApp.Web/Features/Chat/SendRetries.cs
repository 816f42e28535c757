using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Common;

namespace RealtimeApp.Web.Features.Chat;

/// <summary>How a send that carries a client id is answered once the message stored under that id is known.</summary>
internal static class SendRetries
{
    /// <summary>
    /// The stored message when the send asked for the same room and text (a retry, or the send that stored it); a
    /// conflict when the id was used for another message. A message edited or deleted since is compared by room only:
    /// its original text is gone, and a retry of it must not fail.
    /// </summary>
    public static Result<ChatMessageView> Answer(ChatMessage stored, string roomId, string? text)
    {
        var sameText = stored.EditedAt is not null || stored.IsDeleted || string.Equals(stored.Text, text, StringComparison.Ordinal);
        return string.Equals(stored.RoomId, roomId, StringComparison.Ordinal) && sameText
            ? ChatMessageView.From(stored)
            : Failure.Conflict($"clientId '{stored.ClientId}' was already used for another message (#{stored.RoomId}, sequence {stored.Sequence}); send a new message with a new clientId.");
    }
}
