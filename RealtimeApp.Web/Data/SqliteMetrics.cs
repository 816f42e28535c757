using System.Diagnostics.Metrics;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Web.Shared.Telemetry;

namespace RealtimeApp.Web.Data;

/// <summary>
/// The memory SQLite holds (its page caches and everything else it allocated, outside the .NET heap), on the app's
/// meter, so an operator sees it apart from the managed heap when the process grows.
/// </summary>
public sealed class SqliteMetrics : IInstrumentBaseline
{
    public SqliteMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);

        var meter = meterFactory.Create(RealtimeMetrics.MeterName);
        meter.CreateObservableGauge("realtimeapp.sqlite.memory", static () => SQLitePCL.raw.sqlite3_memory_used(), "By", "Memory SQLite has allocated (page caches included).");
    }

    /// <summary>Nothing to record: the gauge is read when the metrics are.</summary>
    public void RecordZeros()
    {
    }
}
