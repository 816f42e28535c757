using System.Diagnostics;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Web.Shared.Telemetry;

namespace RealtimeApp.Web.Features.Chat;

/// <summary>Publishes committed message changes on the event hub, to the room's topic.</summary>
public sealed class HubChatEventPublisher(EventHub hub, ChatMetrics metrics) : IChatEventPublisher
{
    public void MessagesCommitted(IReadOnlyList<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);

        foreach (var message in messages)
        {
            metrics.MessagePosted(message.RoomId);
            var posted = new MessagePosted(
                message.RoomId, message.Sequence, message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                message.AuthorId, message.AuthorName, message.Text, message.PostedAt, MentionList.Parse(message.Mentions), message.ClientId);
            using var span = AppTracing.Source.StartActivity("chat.publish", ActivityKind.Producer);
            if (span is not null)
            {
                span.SetTag("chat.room", message.RoomId);
                span.SetTag("chat.sequence", message.Sequence);
                EventTraceContexts.Remember(posted, span.Context);
            }

            hub.Publish(posted);
        }
    }

    public void MessageEdited(ChatMessage message, string editorId)
    {
        ArgumentNullException.ThrowIfNull(message);

        hub.Publish(new MessageEdited(
            message.RoomId, message.Sequence, message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            editorId, message.Text, message.EditedAt ?? message.PostedAt, MentionList.Parse(message.Mentions)));
    }

    public void MessageDeleted(ChatMessage message, string deletedBy)
    {
        ArgumentNullException.ThrowIfNull(message);

        hub.Publish(new MessageDeleted(
            message.RoomId, message.Sequence, message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            deletedBy, message.DeletedAt ?? message.PostedAt));
    }
}
