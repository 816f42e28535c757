using RealtimeApp.Domain.Agents;

namespace RealtimeApp.Web.Features.Agents;

/// <summary>An agent as pages and API clients see it.</summary>
public sealed record AgentView(string Id, string DisplayName, string Status, string? CurrentTaskId, int? Progress, DateTimeOffset LastHeartbeat, string? Version)
{
    public static AgentView From(AgentRecord agent)
    {
        ArgumentNullException.ThrowIfNull(agent);

        return new(agent.Id, agent.DisplayName, agent.Status.ToString().ToLowerInvariant(), agent.CurrentTaskId, agent.Progress, agent.LastHeartbeat, agent.Version);
    }
}
