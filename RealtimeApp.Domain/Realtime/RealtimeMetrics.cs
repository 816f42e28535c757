using System.Diagnostics.Metrics;

namespace RealtimeApp.Domain.Realtime;

/// <summary>
/// The event hub's instruments on the <c>RealtimeApp</c> meter. Recording costs one untagged counter add per
/// publish (deliveries are summed per publish), so the hot path allocates nothing.
/// </summary>
public sealed class RealtimeMetrics : IDisposable
{
    /// <summary>The meter name to export (e.g. <c>AddMeter(RealtimeMetrics.MeterName)</c>).</summary>
    public const string MeterName = "RealtimeApp";

    private readonly bool _ownsMeter;
    private readonly Counter<long> _published;
    private readonly Counter<long> _deliveries;
    private readonly Counter<long> _handlerErrors;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _faulted;
    private readonly UpDownCounter<long> _activeSubscriptions;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/> (the DI way; the factory owns the meter).</summary>
    public RealtimeMetrics(IMeterFactory meterFactory)
        : this(CreateMeter(meterFactory), ownsMeter: false)
    {
    }

    /// <summary>Creates the instruments on a meter of its own, disposed with this instance.</summary>
    public RealtimeMetrics()
        : this(new Meter(MeterName), ownsMeter: true)
    {
    }

    private RealtimeMetrics(Meter meter, bool ownsMeter)
    {
        Meter = meter;
        _ownsMeter = ownsMeter;
        _published = meter.CreateCounter<long>("realtimeapp.events.published", "{event}", "Events published on the hub.");
        _deliveries = meter.CreateCounter<long>("realtimeapp.events.deliveries", "{delivery}", "Events handed to subscribers (invoked or queued).");
        _handlerErrors = meter.CreateCounter<long>("realtimeapp.events.handler_errors", "{error}", "Exceptions thrown by event handlers.");
        _dropped = meter.CreateCounter<long>("realtimeapp.events.dropped", "{event}", "Events dropped because a subscriber's queue was full.");
        _faulted = meter.CreateCounter<long>("realtimeapp.subscriptions.faulted", "{subscription}", "Subscriptions ended by queue overflow.");
        _activeSubscriptions = meter.CreateUpDownCounter<long>("realtimeapp.subscriptions.active", "{subscription}", "Live hub subscriptions.");
    }

    /// <summary>The meter the instruments live on; other realtime components may add theirs.</summary>
    public Meter Meter { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsMeter)
        {
            Meter.Dispose();
        }
    }

    /// <summary>Adds 0 to every instrument, so an exporter shows each one from start-up rather than from its first event.</summary>
    public void RecordZeros()
    {
        _published.Add(0);
        _deliveries.Add(0);
        _handlerErrors.Add(0);
        _dropped.Add(0);
        _faulted.Add(0);
        _activeSubscriptions.Add(0);
    }

    internal void RecordPublished() => _published.Add(1);

    internal void RecordDeliveries(int count)
    {
        if (count > 0)
        {
            _deliveries.Add(count);
        }
    }

    internal void RecordHandlerError() => _handlerErrors.Add(1);

    internal void RecordDropped() => _dropped.Add(1);

    internal void RecordFaulted() => _faulted.Add(1);

    internal void RecordSubscriptionStarted() => _activeSubscriptions.Add(1);

    internal void RecordSubscriptionEnded() => _activeSubscriptions.Add(-1);

    private static Meter CreateMeter(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        return meterFactory.Create(MeterName);
    }
}
