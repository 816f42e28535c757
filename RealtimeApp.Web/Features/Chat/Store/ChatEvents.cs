using RealtimeApp.Domain.Realtime.Events;

namespace RealtimeApp.Web.Features.Chat.Store;

/// <summary>Turns hub events into store actions.</summary>
public static class ChatEvents
{
    public static MessageReceived ToAction(MessagePosted posted)
    {
        ArgumentNullException.ThrowIfNull(posted);

        return new(ChatMessageView.From(posted));
    }

    public static MessageTextChanged ToAction(MessageEdited edited)
    {
        ArgumentNullException.ThrowIfNull(edited);

        return new(edited.RoomId, edited.Sequence, edited.Text, edited.EditedAt, edited.Mentions);
    }

    public static MessageRemoved ToAction(MessageDeleted deleted)
    {
        ArgumentNullException.ThrowIfNull(deleted);

        return new(deleted.RoomId, deleted.Sequence);
    }
}
