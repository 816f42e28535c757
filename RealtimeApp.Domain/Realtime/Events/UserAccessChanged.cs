using System.Text.Json.Serialization;

namespace RealtimeApp.Domain.Realtime.Events;

/// <summary>
/// An administrator locked or unlocked a user, or changed their roles. Published on <c>user:{userId}</c> so that every
/// node ends the user's sessions at once (a lock, a role change) or lets them back in (an unlock), not only the node
/// where the change was made.
/// </summary>
/// <param name="UserId">The user.</param>
/// <param name="Change">What changed.</param>
public sealed record UserAccessChanged(string UserId, UserAccessChange Change) : IRealtimeEvent
{
    /// <summary>The user. Get-only so that <c>with</c> cannot move the event without its topic.</summary>
    [JsonPropertyOrder(-1)]
    public string UserId { get; } = UserId;

    /// <inheritdoc />
    [JsonIgnore]
    public string Topic { get; } = Topics.User(UserId);
}

/// <summary>What happened to a user's access in a <see cref="UserAccessChanged"/> event.</summary>
public enum UserAccessChange
{
    Locked,
    Unlocked,
    RolesChanged,
}
