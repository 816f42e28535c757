using RealtimeApp.Domain.Chat;

namespace RealtimeApp.Web.Features.Chat;

/// <summary>Tells live subscribers about committed changes to messages; new messages arrive in sequence order per room.</summary>
public interface IChatEventPublisher
{
    void MessagesCommitted(IReadOnlyList<ChatMessage> messages);

    void MessageEdited(ChatMessage message, string editorId);

    void MessageDeleted(ChatMessage message, string deletedBy);
}
