using System.Diagnostics.Metrics;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Web.Realtime.Backplane;
using RealtimeApp.Web.Shared.Telemetry;

namespace RealtimeApp.Web.Realtime.Streams;

/// <summary>What the resumable streams read back from the store, on the app's meter (<c>/metrics</c>).</summary>
public sealed class StreamMetrics : IInstrumentBaseline
{
    private readonly BackplaneMetrics _backplane;
    private readonly Counter<long> _resyncs;

    public StreamMetrics(IMeterFactory meterFactory, BackplaneMetrics backplane)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(backplane);
        _backplane = backplane;
        _resyncs = meterFactory.Create(RealtimeMetrics.MeterName).CreateCounter<long>(
            "realtimeapp.stream.resyncs", "{resync}", "Live feeds (API subscriptions, pages) that fell behind and read what they had dropped back from the database.");
    }

    /// <summary>A stream read events it had missed (a sequence jump, or the backplane's return).</summary>
    public void CatchUpRead() => _backplane.CatchUpRead();

    /// <summary>A stream's buffer overflowed and it read the store again.</summary>
    public void Resynced() => _resyncs.Add(1);

    public void RecordZeros() => _resyncs.Add(0);
}
