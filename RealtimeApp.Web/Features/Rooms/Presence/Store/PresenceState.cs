using System.Collections.Immutable;
using RealtimeApp.Web.State;

namespace RealtimeApp.Web.Features.Rooms.Presence.Store;

/// <summary>Who is in the open chat room now, and who of them is typing (until <see cref="TypingMember.ExpiresAt"/>).</summary>
[FeatureState(MaximumStateChangedNotificationsPerSecond = 10)]
public sealed record PresenceState
{
    public string? UserId { get; init; }

    public string? RoomId { get; init; }

    public ImmutableList<PresenceMember> Online { get; init; } = [];

    public ImmutableDictionary<string, TypingMember> Typing { get; init; } = ImmutableDictionary<string, TypingMember>.Empty;
}
