using System.ComponentModel.DataAnnotations;

namespace RealtimeApp.Web.Features.Agents;

/// <summary>Agent settings (section <c>Agents</c>).</summary>
public sealed class AgentOptions
{
    public const string SectionName = "Agents";

    /// <summary>An agent with no report or heartbeat for this long is marked offline.</summary>
    [Range(1, 86_400)]
    public int OfflineAfterSeconds { get; set; } = 30;

    /// <summary>How often agents are checked for silence.</summary>
    [Range(1, 3_600)]
    public int SweepSeconds { get; set; } = 5;
}
