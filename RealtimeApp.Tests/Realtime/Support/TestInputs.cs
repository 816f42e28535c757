using System.ComponentModel.DataAnnotations;

namespace RealtimeApp.Tests.Realtime.Support;

public sealed record SendMessageInput
{
    public required string RoomId { get; init; }

    [StringLength(500, MinimumLength = 1, ErrorMessage = "Must be 1 to 500 characters")]
    public required string Message { get; init; }
}

public sealed record ProgressInput
{
    public required string TaskId { get; init; }

    public string? LastEventId { get; init; }
}

public sealed record RoomRow(string Id, string Name, int MessageCount, long? LastMessageAt);

public sealed record ChatMessage(string Id, string RoomId, string UserId, string Message);

public sealed record ProgressEvent(int Seq, string TaskId, int Progress);
