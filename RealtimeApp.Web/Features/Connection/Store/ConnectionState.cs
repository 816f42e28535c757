using RealtimeApp.Web.State;

namespace RealtimeApp.Web.Features.Connection.Store;

/// <summary>The circuit's connection: its status, since when, and how often it came back.</summary>
[FeatureState]
public sealed record ConnectionState
{
    public ConnectionStatus Status { get; init; } = ConnectionStatus.Connected;

    /// <summary>When the status last changed; null until the circuit reports its first connection.</summary>
    public DateTimeOffset? Since { get; init; }

    public int ReconnectCount { get; init; }
}
