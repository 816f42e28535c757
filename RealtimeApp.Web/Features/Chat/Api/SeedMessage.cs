namespace RealtimeApp.Web.Features.Chat.Api;

/// <summary>
/// A message in the seed client's shape (root <c>onMessage</c>): <see cref="Id"/> is the room sequence,
/// <see cref="Timestamp"/> the posting time in Unix milliseconds.
/// </summary>
public sealed record SeedMessage(string Id, string RoomId, string UserId, string Message, long Timestamp)
{
    public static SeedMessage From(ChatMessageView message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(
            message.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            message.RoomId,
            message.AuthorId,
            message.Text,
            message.PostedAt.ToUnixTimeMilliseconds());
    }
}
