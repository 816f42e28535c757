namespace RealtimeApp.LoadBench;

/// <summary>
/// A soak run: <see cref="Connections"/> subscribers spread over <see cref="Rooms"/> rooms for <see cref="Minutes"/>
/// minutes, publishers posting at the rate that makes <see cref="DeliveriesPerSecond"/>, <see cref="QueriesPerSecond"/>
/// queries from every tenth subscriber and <see cref="ReconnectsPerSecond"/> subscribers reconnecting in turn.
/// </summary>
public sealed record SoakSettings(
    int Connections, int Rooms, int Minutes, int DeliveriesPerSecond, int Publishers, int QueriesPerSecond, int ReconnectsPerSecond)
{
    /// <summary>Every subscriber answers its queries and reconnects within this, or it counts as a timeout.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public double MessagesPerSecond => (double)DeliveriesPerSecond / (Connections / Rooms);
}
