using RealtimeApp.Domain.Realtime;
using RealtimeApp.Web.Shared.Telemetry;

namespace RealtimeApp.Web.Realtime;

/// <summary>The event hub's instruments (in the framework-free domain) at zero from start-up.</summary>
internal sealed class HubInstrumentBaseline(RealtimeMetrics metrics) : IInstrumentBaseline
{
    public void RecordZeros() => metrics.RecordZeros();
}
