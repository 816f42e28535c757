namespace RealtimeApp.Web.Shared.Telemetry;

/// <summary>
/// Instruments that record a zero for each of their base series at start-up, once the app's meter provider listens,
/// so <c>/metrics</c> shows every family from the first scrape: to Prometheus a missing series is not a zero, and
/// <c>rate()</c> or an alert on <c>absent()</c> would read the first event of a family as its start.
/// </summary>
public interface IInstrumentBaseline
{
    /// <summary>Adds 0 to each counter and up-down counter, with tag values that real measurements use.</summary>
    void RecordZeros();
}
