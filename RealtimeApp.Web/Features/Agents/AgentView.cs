using System.Text.Json;
using RealtimeApp.Domain.Agents;

namespace RealtimeApp.Web.Features.Agents;

/// <summary>An agent as pages and API clients see it.</summary>
public sealed record AgentView(
    string Id,
    string DisplayName,
    string Status,
    string? CurrentTaskId,
    int? Progress,
    DateTimeOffset LastHeartbeat,
    string? Version,
    IReadOnlyDictionary<string, string>? Metadata = null)
{
    public static AgentView From(AgentRecord agent)
    {
        ArgumentNullException.ThrowIfNull(agent);

        var metadata = agent.Metadata is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(agent.Metadata);
        return new(agent.Id, agent.DisplayName, agent.Status.ToString().ToLowerInvariant(), agent.CurrentTaskId, agent.Progress, agent.LastHeartbeat, agent.Version,
            metadata is { Count: > 0 } ? metadata : null);
    }
}
