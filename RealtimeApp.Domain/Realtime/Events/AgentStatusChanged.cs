using System.Text.Json.Serialization;

namespace RealtimeApp.Domain.Realtime.Events;

/// <summary>An agent reported its status or a heartbeat. Published on <c>agents</c>.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="Status">The agent's status, e.g. <c>idle</c>, <c>busy</c>, <c>offline</c>.</param>
/// <param name="CurrentTaskId">The task it works on, if any.</param>
/// <param name="Progress">Progress of the current task, if known.</param>
/// <param name="LastHeartbeat">When the agent was last heard from.</param>
public sealed record AgentStatusChanged(
    string AgentId,
    string Status,
    string? CurrentTaskId,
    int? Progress,
    DateTimeOffset LastHeartbeat) : IRealtimeEvent
{
    /// <inheritdoc />
    [JsonIgnore]
    public string Topic => Topics.Agents;
}
