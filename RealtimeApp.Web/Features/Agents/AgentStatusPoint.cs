namespace RealtimeApp.Web.Features.Agents;

/// <summary>One entry of an agent's status history: the status it moved to, and when.</summary>
public sealed record AgentStatusPoint(string Status, DateTimeOffset At);
