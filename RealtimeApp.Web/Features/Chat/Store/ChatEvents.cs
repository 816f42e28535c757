using System.Globalization;
using RealtimeApp.Domain.Realtime.Events;

namespace RealtimeApp.Web.Features.Chat.Store;

/// <summary>Turns hub events into store actions.</summary>
public static class ChatEvents
{
    public static MessageReceived ToAction(MessagePosted posted)
    {
        ArgumentNullException.ThrowIfNull(posted);

        return new(new ChatMessageView(
            long.Parse(posted.MessageId, CultureInfo.InvariantCulture), posted.RoomId, posted.Sequence, posted.AuthorId, posted.AuthorName,
            posted.Text, posted.PostedAt, EditedAt: null, IsDeleted: false, posted.Mentions, posted.ClientId));
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
