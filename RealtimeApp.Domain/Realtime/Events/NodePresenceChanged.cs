using System.Text.Json.Serialization;

namespace RealtimeApp.Domain.Realtime.Events;

/// <summary>
/// A user's first connection to a room on one node arrived, or their last one there left. Every node folds these into
/// who is in each room across the nodes, and publishes <see cref="PresenceChanged"/> to its own subscribers when that
/// changes. Published on <see cref="Topics.NodePresence"/>.
/// </summary>
/// <param name="NodeId">The node the connection is on.</param>
/// <param name="RoomId">The room.</param>
/// <param name="UserId">The user.</param>
/// <param name="UserName">The user's display name.</param>
/// <param name="IsHere">Whether the user now has a connection to the room on that node.</param>
public sealed record NodePresenceChanged(string NodeId, string RoomId, string UserId, string UserName, bool IsHere) : IRealtimeEvent
{
    /// <inheritdoc />
    [JsonIgnore]
    public string Topic => Topics.NodePresence;
}
