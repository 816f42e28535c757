namespace RealtimeApp.Domain.Agents;

/// <summary>An agent as last reported: what it is doing, how far along, and when it was last heard from.</summary>
public sealed class AgentRecord
{
    public const int MaxNameLength = 100;
    public const int MaxVersionLength = 64;
    public const int MaxMetadataLength = 4096;

    public required string Id { get; init; }

    public required string DisplayName { get; set; }

    public AgentStatus Status { get; set; }

    public string? CurrentTaskId { get; set; }

    public int? Progress { get; set; }

    public DateTimeOffset LastHeartbeat { get; set; }

    public string? Version { get; set; }

    /// <summary>Small key/value metadata as a JSON object.</summary>
    public string? Metadata { get; set; }

    /// <summary>The user whose API token the agent reports with.</summary>
    public required string OwnerId { get; init; }
}
