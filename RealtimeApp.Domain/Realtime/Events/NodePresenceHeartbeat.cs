using System.Text.Json.Serialization;

namespace RealtimeApp.Domain.Realtime.Events;

/// <summary>
/// A node's whole presence, sent every few seconds: it corrects what the others missed (Redis pub/sub keeps nothing),
/// and a node that stops sending it is taken for dead and its users leave its rooms. Published on
/// <see cref="Topics.NodePresence"/>.
/// </summary>
/// <param name="NodeId">The node.</param>
/// <param name="Entries">Every user with a connection to a room on that node.</param>
public sealed record NodePresenceHeartbeat(string NodeId, IReadOnlyList<NodePresenceEntry> Entries) : IRealtimeEvent
{
    /// <inheritdoc />
    [JsonIgnore]
    public string Topic => Topics.NodePresence;
}

/// <summary>One user in one room, in a <see cref="NodePresenceHeartbeat"/>.</summary>
public sealed record NodePresenceEntry(string RoomId, string UserId, string UserName);
