using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using RealtimeApp.Client.Api;

namespace RealtimeApp.Client.Protocol;

/// <summary>Source-generated JSON for the client's frames and the API's records (camelCase, nulls left out).</summary>
// The server writes camelCase exactly, so names are matched as written, not case-insensitively as for the untyped calls.
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(StopFrame))]
[JsonSerializable(typeof(Room))]
[JsonSerializable(typeof(IReadOnlyList<Room>))]
[JsonSerializable(typeof(ChatMessage))]
[JsonSerializable(typeof(IReadOnlyList<ChatMessage>))]
[JsonSerializable(typeof(RoomIdInput))]
[JsonSerializable(typeof(CreateRoomInput))]
[JsonSerializable(typeof(SendInput))]
[JsonSerializable(typeof(HistoryInput))]
[JsonSerializable(typeof(EditInput))]
[JsonSerializable(typeof(MessageInput))]
[JsonSerializable(typeof(SearchInput))]
[JsonSerializable(typeof(TaskInfo))]
[JsonSerializable(typeof(TaskPage))]
[JsonSerializable(typeof(TaskProgress))]
[JsonSerializable(typeof(TaskQuery))]
[JsonSerializable(typeof(CreateTaskInput))]
[JsonSerializable(typeof(ReportTaskInput))]
[JsonSerializable(typeof(TaskIdInput))]
[JsonSerializable(typeof(Agent))]
[JsonSerializable(typeof(IReadOnlyList<Agent>))]
[JsonSerializable(typeof(AgentReport))]
[JsonSerializable(typeof(AgentStatus))]
[JsonSerializable(typeof(AgentCommand))]
[JsonSerializable(typeof(AgentIdInput))]
internal sealed partial class ClientJsonContext : JsonSerializerContext
{
    /// <summary>For the untyped calls (<see cref="RealtimeClient.QueryAsync{TOutput}"/>): the records above, then reflection.</summary>
    public static JsonSerializerOptions Untyped { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = JsonTypeInfoResolver.Combine(Default, new DefaultJsonTypeInfoResolver()),
    };
}
