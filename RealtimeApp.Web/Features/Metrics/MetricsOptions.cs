namespace RealtimeApp.Web.Features.Metrics;

/// <summary><c>Metrics:AllowRemote</c>: whether <c>/metrics</c> answers callers other than loopback (off by default).</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    public bool AllowRemote { get; set; }
}
