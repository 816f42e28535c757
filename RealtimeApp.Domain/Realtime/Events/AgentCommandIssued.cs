using System.Text.Json.Serialization;

namespace RealtimeApp.Domain.Realtime.Events;

/// <summary>A command was issued to one agent (e.g. cancel a task). Published on <c>agent:{agentId}</c>.</summary>
/// <param name="AgentId">The agent the command is for.</param>
/// <param name="CommandId">The command, for acknowledgement and de-duplication.</param>
/// <param name="Kind">What to do, e.g. <c>cancel</c> or <c>retry</c>.</param>
/// <param name="TaskId">The task the command is about.</param>
public sealed record AgentCommandIssued(string AgentId, string CommandId, string Kind, string TaskId) : IRealtimeEvent
{
    /// <summary>The agent. Get-only so that <c>with</c> cannot move the event without its topic.</summary>
    [JsonPropertyOrder(-1)]
    public string AgentId { get; } = AgentId;

    /// <inheritdoc />
    [JsonIgnore]
    public string Topic { get; } = Topics.Agent(AgentId);
}
