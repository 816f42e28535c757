namespace RealtimeApp.Web.Features.Agents;

/// <summary>What an agent says about itself: a heartbeat at least, optionally its status, task and progress.</summary>
public sealed record AgentReport(
    string AgentId,
    string? Status = null,
    string? DisplayName = null,
    string? CurrentTaskId = null,
    int? Progress = null,
    string? Version = null,
    IReadOnlyDictionary<string, string>? Metadata = null,
    IReadOnlyList<string>? AcknowledgedCommandIds = null);
