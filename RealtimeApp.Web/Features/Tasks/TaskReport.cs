namespace RealtimeApp.Web.Features.Tasks;

/// <summary>What an agent says about a task it is doing.</summary>
public sealed record TaskReport(string TaskId, int Progress, string? Status = null, string? Message = null, string? Error = null, string? ErrorDetails = null);
