namespace RealtimeApp.Domain.Chat;

/// <summary>The limits every message and room obeys, whichever channel it comes from.</summary>
public static class ChatRules
{
    public const int MaxMessageLength = 4000;
    public const int MinRoomNameLength = 2;
    public const int MaxRoomNameLength = 64;
    public const int MaxTopicLength = 250;
    public const int HistoryPageSize = 50;

    /// <summary>Null when <paramref name="text"/> may be posted, else why not.</summary>
    public static string? ValidateMessage(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "A message cannot be empty."
        : text.Length > MaxMessageLength ? $"A message can be at most {MaxMessageLength:N0} characters (this one has {text.Length:N0})."
        : null;

    /// <summary>Null when <paramref name="name"/> is a valid room name, else why not.</summary>
    public static string? ValidateRoomName(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        return trimmed.Length < MinRoomNameLength || trimmed.Length > MaxRoomNameLength
            ? $"A room name has {MinRoomNameLength} to {MaxRoomNameLength} characters."
            : null;
    }
}
