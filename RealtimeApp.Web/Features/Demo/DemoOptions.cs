using System.ComponentModel.DataAnnotations;

namespace RealtimeApp.Web.Features.Demo;

/// <summary>Demo mode (section <c>Demo</c>): simulated agents that use the public WebSocket API like a real script.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    public bool Enabled { get; set; }

    [Range(1, 20)]
    public int Agents { get; set; } = 3;

    /// <summary>The Staff account the demo agents act as (created on first start, reused after).</summary>
    [Required, EmailAddress]
    public string UserEmail { get; set; } = "demo-agent@localhost";

    /// <summary>How often an agent reports while it waits, so it never looks offline.</summary>
    [Range(0.1, 3_600)]
    public double HeartbeatSeconds { get; set; } = 5;

    /// <summary>Time between two progress reports of a task.</summary>
    [Range(0.05, 3_600)]
    public double StepSeconds { get; set; } = 1.5;

    [Range(1, 100)]
    public int StepsPerTask { get; set; } = 6;

    /// <summary>How long an agent stays idle between tasks.</summary>
    [Range(0d, 3_600d)]
    public double IdleSeconds { get; set; } = 4;

    /// <summary>The share of tasks that fail part-way (0 to 1).</summary>
    [Range(0d, 1d)]
    public double FailureRate { get; set; } = 0.2;

    /// <summary>The longest wait between two reconnection attempts (the wait doubles from one second up to this).</summary>
    [Range(0.1, 3_600)]
    public double MaxReconnectDelaySeconds { get; set; } = 30;
}
