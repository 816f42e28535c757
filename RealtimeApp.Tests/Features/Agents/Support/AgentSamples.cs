using RealtimeApp.Web.Features.Agents;
using RealtimeApp.Web.Features.Agents.Store;
using RealtimeApp.Web.Features.Tasks;

namespace RealtimeApp.Tests.Features.Agents.Support;

/// <summary>Small builders for agents, status events and tasks as the agents store sees them.</summary>
public static class AgentSamples
{
    public static readonly DateTimeOffset Noon = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public static AgentView Agent(string id, string status = "idle", string? task = null, int? progress = null, DateTimeOffset? lastHeartbeat = null, string? version = null) =>
        new(id, $"Agent {id}", status, task, progress, lastHeartbeat ?? Noon, version);

    public static AgentStatusReceived Status(string id, string status, string? task = null, int? progress = null, DateTimeOffset? at = null) =>
        new(id, status, task, progress, at ?? Noon.AddSeconds(1));

    public static TaskView Task(string id, string status = "running", int progress = 0, string? agentId = "a1") =>
        new(id, $"Task {id}", agentId, status, progress, Noon, null, null, null, null, 1);
}
