namespace RealtimeApp.Domain.Agents;

/// <summary>One change of an agent's status, kept for its history chart.</summary>
public sealed class AgentStatusEntry
{
    public long Id { get; init; }

    public required string AgentId { get; init; }

    public AgentStatus Status { get; init; }

    public DateTimeOffset At { get; init; }
}
