using System.Text.Json.Serialization;
using RealtimeApp.Domain.Realtime.Events;

namespace RealtimeApp.Domain.Realtime;

/// <summary>
/// A typed, immutable event published on the <see cref="EventHub"/>. Every event knows the topic it belongs to.
/// Serialised polymorphically with a <c>"type"</c> discriminator (see <see cref="RealtimeEventJsonContext"/>), so a
/// backplane can carry it between nodes. A new event type must be listed here and in the JSON context.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(MessagePosted), "messagePosted")]
[JsonDerivedType(typeof(MessageEdited), "messageEdited")]
[JsonDerivedType(typeof(MessageDeleted), "messageDeleted")]
[JsonDerivedType(typeof(PresenceChanged), "presenceChanged")]
[JsonDerivedType(typeof(TypingChanged), "typingChanged")]
[JsonDerivedType(typeof(TaskProgressed), "taskProgressed")]
[JsonDerivedType(typeof(TaskStatusChanged), "taskStatusChanged")]
[JsonDerivedType(typeof(AgentStatusChanged), "agentStatusChanged")]
[JsonDerivedType(typeof(AgentCommandIssued), "agentCommandIssued")]
[JsonDerivedType(typeof(RoomChanged), "roomChanged")]
[JsonDerivedType(typeof(RateLimitChanged), "rateLimitChanged")]
[JsonDerivedType(typeof(RoomMembershipChanged), "roomMembershipChanged")]
[JsonDerivedType(typeof(ReadMarkerMoved), "readMarkerMoved")]
[JsonDerivedType(typeof(BackplaneResumed), "backplaneResumed")]
[JsonDerivedType(typeof(UserAccessChanged), "userAccessChanged")]
[JsonDerivedType(typeof(ApiTokenRevoked), "apiTokenRevoked")]
[JsonDerivedType(typeof(NodePresenceChanged), "nodePresenceChanged")]
[JsonDerivedType(typeof(NodePresenceHeartbeat), "nodePresenceHeartbeat")]
public interface IRealtimeEvent
{
    /// <summary>The topic the event is delivered on, e.g. <c>room:general</c> (see <see cref="Topics"/>).</summary>
    string Topic { get; }
}
