using System.Text.Json.Serialization;

namespace RealtimeApp.Domain.Realtime.Events;

/// <summary>Rate-limit settings changed; limiters reload them live. Published on <c>ratelimits</c>.</summary>
/// <param name="Scope">Which limits changed, e.g. <c>user</c> or <c>default</c>.</param>
/// <param name="UserId">The user whose limits changed, or null for defaults.</param>
public sealed record RateLimitChanged(string Scope, string? UserId) : IRealtimeEvent
{
    /// <inheritdoc />
    [JsonIgnore]
    public string Topic => Topics.RateLimits;
}
