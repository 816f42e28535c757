namespace RealtimeApp.Client.Api;

/// <summary>An agent as <c>agents.report</c> and <c>agents.list</c> return it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="DisplayName">Its name for people.</param>
/// <param name="Status"><c>active</c>, <c>idle</c>, <c>error</c> or <c>offline</c>.</param>
/// <param name="CurrentTaskId">The task it runs, if any.</param>
/// <param name="Progress">That task's progress, 0–100.</param>
/// <param name="LastHeartbeat">Its last report.</param>
/// <param name="Version">What it says it runs.</param>
/// <param name="Metadata">The last string map it reported, if any.</param>
public sealed record Agent(
    string Id,
    string DisplayName,
    string Status,
    string? CurrentTaskId,
    int? Progress,
    DateTimeOffset LastHeartbeat,
    string? Version,
    IReadOnlyDictionary<string, string>? Metadata = null);

/// <summary>What an agent reports with <c>agents.report</c>: every member but the id is optional (a bare report is a heartbeat).</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="Status"><c>active</c>, <c>idle</c> or <c>error</c>.</param>
/// <param name="DisplayName">Its name for people.</param>
/// <param name="CurrentTask">The task it runs.</param>
/// <param name="Progress">That task's progress, 0–100.</param>
/// <param name="Version">What it runs.</param>
/// <param name="Metadata">Up to 20 string pairs (4 KiB).</param>
/// <param name="Acknowledge">Ids of commands it has taken.</param>
public sealed record AgentReport(
    string AgentId,
    string? Status = null,
    string? DisplayName = null,
    string? CurrentTask = null,
    int? Progress = null,
    string? Version = null,
    IReadOnlyDictionary<string, string>? Metadata = null,
    IReadOnlyList<string>? Acknowledge = null);

/// <summary>An <c>agents.onStatus</c> event.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="Status">Its status now.</param>
/// <param name="CurrentTask">The task it runs.</param>
/// <param name="Progress">That task's progress.</param>
/// <param name="LastHeartbeat">Its last report.</param>
public sealed record AgentStatus(string AgentId, string Status, string? CurrentTask, int? Progress, DateTimeOffset LastHeartbeat);

/// <summary>An <c>agents.onCommand</c> event: what staff asked the agent to do.</summary>
/// <param name="CommandId">Acknowledge it with this id.</param>
/// <param name="Kind"><c>cancel</c> or <c>retry</c>.</param>
/// <param name="TaskId">The task it is about.</param>
public sealed record AgentCommand(string CommandId, string Kind, string TaskId);
