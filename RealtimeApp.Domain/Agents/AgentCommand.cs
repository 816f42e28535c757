namespace RealtimeApp.Domain.Agents;

/// <summary>A request from staff to an agent (cancel or retry a task), redelivered until the agent acknowledges it.</summary>
public sealed class AgentCommand
{
    public const string Cancel = "cancel";
    public const string Retry = "retry";

    public required string Id { get; init; }

    public required string AgentId { get; init; }

    public required string Kind { get; init; }

    public required string TaskId { get; init; }

    public required string IssuedBy { get; init; }

    public DateTimeOffset IssuedAt { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; set; }
}
