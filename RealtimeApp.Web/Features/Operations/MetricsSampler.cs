using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Web.Features.Chat;

namespace RealtimeApp.Web.Features.Operations;

/// <summary>
/// Listens to this app's <c>RealtimeApp</c> meter (only the meters of its own <see cref="IMeterFactory"/>, so two apps
/// in one process do not mix) and turns the running totals into one <see cref="MetricSample"/> per
/// <see cref="Sample"/> call, keeping the last <see cref="Capacity"/> (10 minutes at one a second).
/// </summary>
public sealed class MetricsSampler : IDisposable
{
    public const int Capacity = 600;

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _roomTotals = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Queue<MetricSample> _samples = new(Capacity);
    private Dictionary<string, long> _previous = new(StringComparer.Ordinal);
    private Dictionary<string, long> _previousRooms = new(StringComparer.Ordinal);
    private DateTimeOffset? _previousAt;

    public MetricsSampler(IMeterFactory meterFactory, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _time = time;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == RealtimeMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meterFactory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<MetricSample> History
    {
        get
        {
            lock (_gate)
            {
                return _samples.ToArray();
            }
        }
    }

    public MetricSample? Latest
    {
        get
        {
            lock (_gate)
            {
                return _samples.Count == 0 ? null : _samples.Last();
            }
        }
    }

    /// <summary>The running total of an instrument since the app started (what <c>/metrics</c> shows).</summary>
    public long Total(string instrument) => _totals.GetValueOrDefault(instrument);

    /// <summary>Takes a sample now: rates are the change since the previous sample divided by the seconds between them.</summary>
    public MetricSample Sample()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var seconds = _previousAt is { } at && now > at ? (now - at).TotalSeconds : 1.0;
            var totals = new Dictionary<string, long>(_totals, StringComparer.Ordinal);
            var rooms = new Dictionary<string, long>(_roomTotals, StringComparer.Ordinal);
            double Rate(string name) => (totals.GetValueOrDefault(name) - _previous.GetValueOrDefault(name)) / seconds;

            var sample = new MetricSample(
                now,
                totals.GetValueOrDefault(DashboardInstruments.Circuits),
                totals.GetValueOrDefault(DashboardInstruments.ApiConnections),
                Rate(DashboardInstruments.MessagesIn),
                Rate(DashboardInstruments.MessagesOut),
                Rate(DashboardInstruments.Deliveries),
                DashboardInstruments.Errors.Sum(Rate),
                Rate(DashboardInstruments.Throttled),
                rooms.Select(room => (room.Key, Count: room.Value - _previousRooms.GetValueOrDefault(room.Key)))
                    .Where(room => room.Count > 0)
                    .ToDictionary(room => room.Key, room => room.Count, StringComparer.Ordinal));
            (_previous, _previousRooms, _previousAt) = (totals, rooms, now);
            if (_samples.Count == Capacity)
            {
                _samples.Dequeue();
            }

            _samples.Enqueue(sample);
            return sample;
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        _totals.AddOrUpdate(instrument.Name, static (_, added) => added, static (_, total, added) => total + added, value);
        if (instrument.Name != ChatMetrics.MessagesPostedName)
        {
            return;
        }

        foreach (var tag in tags)
        {
            if (tag is { Key: ChatMetrics.RoomTag, Value: string room })
            {
                _roomTotals.AddOrUpdate(room, static (_, added) => added, static (_, total, added) => total + added, value);
            }
        }
    }
}
