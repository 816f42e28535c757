using System.Text.Json.Serialization;

namespace RealtimeApp.Domain.Realtime.Events;

/// <summary>
/// A user's API token was revoked. Published on <c>user:{userId}</c> so that every node closes the connections that
/// use it and stops accepting it at once, not only the node where it was revoked.
/// </summary>
/// <param name="UserId">The token's owner.</param>
/// <param name="TokenId">The revoked token.</param>
public sealed record ApiTokenRevoked(string UserId, int TokenId) : IRealtimeEvent
{
    /// <summary>The token's owner. Get-only so that <c>with</c> cannot move the event without its topic.</summary>
    [JsonPropertyOrder(-1)]
    public string UserId { get; } = UserId;

    /// <inheritdoc />
    [JsonIgnore]
    public string Topic { get; } = Topics.User(UserId);
}
