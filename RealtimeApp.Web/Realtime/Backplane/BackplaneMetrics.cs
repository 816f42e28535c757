using System.Diagnostics.Metrics;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Web.Shared.Telemetry;

namespace RealtimeApp.Web.Realtime.Backplane;

/// <summary>What crosses the bus between nodes, on the app's meter (<c>/metrics</c>).</summary>
public sealed class BackplaneMetrics : IInstrumentBaseline
{
    private readonly Counter<long> _published;
    private readonly Counter<long> _received;
    private readonly Counter<long> _notSent;
    private readonly Counter<long> _unreadable;
    private readonly Counter<long> _reconnects;
    private readonly Counter<long> _catchUpReads;

    public BackplaneMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(RealtimeMetrics.MeterName);
        _published = meter.CreateCounter<long>("realtimeapp.backplane.messages.published", "{message}", "Events this node sent to the other nodes.");
        _received = meter.CreateCounter<long>("realtimeapp.backplane.messages.received", "{message}", "Events received from other nodes.");
        _notSent = meter.CreateCounter<long>("realtimeapp.backplane.messages.not_sent", "{message}", "Events the other nodes missed because the backplane was unreachable.");
        _unreadable = meter.CreateCounter<long>("realtimeapp.backplane.messages.unreadable", "{message}", "Messages on the channel that were not events of this app.");
        _reconnects = meter.CreateCounter<long>("realtimeapp.backplane.reconnects", "{reconnect}", "Times the connection to the backplane came back.");
        _catchUpReads = meter.CreateCounter<long>(
            "realtimeapp.backplane.catchup.reads", "{read}", "Live feeds that read missed events from the database (a sequence jump, or the backplane's return).");
    }

    public void RecordZeros()
    {
        foreach (var counter in new[] { _published, _received, _notSent, _unreadable, _reconnects, _catchUpReads })
        {
            counter.Add(0);
        }
    }

    public void Published() => _published.Add(1);

    public void Received() => _received.Add(1);

    public void NotSent() => _notSent.Add(1);

    public void Unreadable() => _unreadable.Add(1);

    public void Reconnected() => _reconnects.Add(1);

    public void CatchUpRead() => _catchUpReads.Add(1);
}
