using System.Diagnostics.Metrics;

namespace RealtimeApp.Tests.Support;

/// <summary>Adds up one counter of one meter from now on (the app's meter from a host's <see cref="IMeterFactory"/>).</summary>
public sealed class MeasurementTotal : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _total;

    public MeasurementTotal(Meter meter, string instrumentName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == meter && instrument.Name == instrumentName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
        _listener.Start();
    }

    public long Total => Interlocked.Read(ref _total);

    public void Dispose() => _listener.Dispose();
}
