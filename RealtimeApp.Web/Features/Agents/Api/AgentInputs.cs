using System.ComponentModel.DataAnnotations;

namespace RealtimeApp.Web.Features.Agents.Api;

/// <summary><c>agents.report</c>: a heartbeat, optionally with status, task, progress, version, metadata and acknowledged commands.</summary>
public sealed record ReportAgentInput(
    [property: Required(ErrorMessage = "Required")] string AgentId,
    string? Status = null,
    string? DisplayName = null,
    string? CurrentTask = null,
    int? Progress = null,
    string? Version = null,
    Dictionary<string, string>? Metadata = null,
    List<string>? Acknowledge = null);

/// <summary><c>agents.onCommand</c>.</summary>
public sealed record AgentIdInput([property: Required(ErrorMessage = "Required")] string AgentId);
