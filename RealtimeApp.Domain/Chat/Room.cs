namespace RealtimeApp.Domain.Chat;

/// <summary>A chat room. <see cref="LastSequence"/> is the sequence number of its newest message.</summary>
public sealed class Room
{
    public const string GeneralId = "general";

    public required string Id { get; init; }

    public required string Name { get; set; }

    public string? Topic { get; set; }

    public bool IsPrivate { get; set; }

    public bool IsArchived { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset LastActivityAt { get; set; }

    public long LastSequence { get; set; }
}
