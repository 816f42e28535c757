namespace RealtimeApp.Domain.Chat;

/// <summary>A stored message. <see cref="Sequence"/> orders a room's messages: 1, 2, 3, … with no gaps.</summary>
public sealed class ChatMessage
{
    public long Id { get; init; }

    public required string RoomId { get; init; }

    public long Sequence { get; init; }

    public required string AuthorId { get; init; }

    public required string AuthorName { get; init; }

    public required string Text { get; set; }

    public DateTimeOffset PostedAt { get; init; }

    public DateTimeOffset? EditedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>User ids mentioned in the text, space-separated (kept small; used for highlight and mention counts).</summary>
    public string Mentions { get; set; } = "";

    /// <summary>The id the author's client gave the send (unique per author), so a retry finds this message instead of posting again.</summary>
    public string? ClientId { get; init; }

    public bool IsDeleted => DeletedAt is not null;
}
