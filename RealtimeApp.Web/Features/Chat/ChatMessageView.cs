using System.Globalization;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Realtime.Events;

namespace RealtimeApp.Web.Features.Chat;

/// <summary>
/// A message as pages and API clients see it; a deleted message keeps its place but loses its text. <see cref="ClientId"/>
/// is the id the author's client gave the send (null when none).
/// </summary>
public sealed record ChatMessageView(
    long Id,
    string RoomId,
    long Sequence,
    string AuthorId,
    string AuthorName,
    string Text,
    DateTimeOffset PostedAt,
    DateTimeOffset? EditedAt,
    bool IsDeleted,
    IReadOnlyList<string> Mentions,
    string? ClientId = null)
{
    public static ChatMessageView From(ChatMessage message) => new(
        message.Id,
        message.RoomId,
        message.Sequence,
        message.AuthorId,
        message.AuthorName,
        message.IsDeleted ? "" : message.Text,
        message.PostedAt,
        message.EditedAt,
        message.IsDeleted,
        MentionList.Parse(message.Mentions),
        message.ClientId);

    /// <summary>The message as its live event tells it: just posted, so neither edited nor deleted.</summary>
    public static ChatMessageView From(MessagePosted posted) => new(
        long.Parse(posted.MessageId, CultureInfo.InvariantCulture),
        posted.RoomId,
        posted.Sequence,
        posted.AuthorId,
        posted.AuthorName,
        posted.Text,
        posted.PostedAt,
        EditedAt: null,
        IsDeleted: false,
        posted.Mentions,
        posted.ClientId);
}
