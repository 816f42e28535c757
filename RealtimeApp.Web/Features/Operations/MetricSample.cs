namespace RealtimeApp.Web.Features.Operations;

/// <summary>
/// One second of the dashboard: open circuits and API connections at <see cref="At"/>, rates per second over the
/// interval since the previous sample, and the chat messages posted per room in that interval.
/// </summary>
public sealed record MetricSample(
    DateTimeOffset At,
    long Circuits,
    long ApiConnections,
    double MessagesInPerSecond,
    double MessagesOutPerSecond,
    double DeliveriesPerSecond,
    double ErrorsPerSecond,
    double ThrottledPerSecond,
    IReadOnlyDictionary<string, long> RoomMessages);
