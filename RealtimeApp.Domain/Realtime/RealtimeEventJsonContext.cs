using System.Text.Json;
using System.Text.Json.Serialization;
using RealtimeApp.Domain.Realtime.Events;

namespace RealtimeApp.Domain.Realtime;

/// <summary>
/// Source-generated System.Text.Json metadata for every realtime event (web defaults: camelCase, enums as
/// strings). Serialise through <see cref="IRealtimeEvent"/> to get the <c>"type"</c> discriminator.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(IRealtimeEvent))]
[JsonSerializable(typeof(MessagePosted))]
[JsonSerializable(typeof(MessageEdited))]
[JsonSerializable(typeof(MessageDeleted))]
[JsonSerializable(typeof(PresenceChanged))]
[JsonSerializable(typeof(TypingChanged))]
[JsonSerializable(typeof(TaskProgressed))]
[JsonSerializable(typeof(TaskStatusChanged))]
[JsonSerializable(typeof(AgentStatusChanged))]
[JsonSerializable(typeof(AgentCommandIssued))]
[JsonSerializable(typeof(RoomChanged))]
[JsonSerializable(typeof(RateLimitChanged))]
[JsonSerializable(typeof(RoomMembershipChanged))]
[JsonSerializable(typeof(ReadMarkerMoved))]
[JsonSerializable(typeof(BackplaneResumed))]
[JsonSerializable(typeof(UserAccessChanged))]
[JsonSerializable(typeof(ApiTokenRevoked))]
[JsonSerializable(typeof(NodePresenceChanged))]
[JsonSerializable(typeof(NodePresenceHeartbeat))]
public sealed partial class RealtimeEventJsonContext : JsonSerializerContext;
