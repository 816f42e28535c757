using System.Diagnostics.Metrics;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Web.Shared.Telemetry;

namespace RealtimeApp.Web.Realtime;

/// <summary>Live connections and streams and WebSocket traffic, on the app's meter <c>RealtimeApp</c> next to the hub's instruments.</summary>
public sealed class ConnectionMetrics : IInstrumentBaseline
{
    private readonly UpDownCounter<long> _circuits;
    private readonly UpDownCounter<long> _apiConnections;
    private readonly UpDownCounter<long> _sseStreams;
    private readonly Counter<long> _framesReceived;
    private readonly Counter<long> _framesSent;
    private readonly Counter<long> _bytesReceived;
    private readonly Counter<long> _bytesSent;

    public ConnectionMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);

        var meter = meterFactory.Create(RealtimeMetrics.MeterName);
        _circuits = meter.CreateUpDownCounter<long>("realtimeapp.circuits.active", "{circuit}", "Open Blazor circuits (browser tabs).");
        _apiConnections = meter.CreateUpDownCounter<long>("realtimeapp.api.connections.active", "{connection}", "Open WebSocket API connections.");
        _sseStreams = meter.CreateUpDownCounter<long>("realtimeapp.api.sse.streams.active", "{stream}", "Open Server-Sent Events subscriptions of /api/trpc.");
        _framesReceived = meter.CreateCounter<long>("realtimeapp.api.frames.received", "{frame}", "WebSocket API frames received.");
        _framesSent = meter.CreateCounter<long>("realtimeapp.api.frames.sent", "{frame}", "WebSocket API frames sent.");
        _bytesReceived = meter.CreateCounter<long>("realtimeapp.api.bytes.received", "By", "WebSocket API payload bytes received.");
        _bytesSent = meter.CreateCounter<long>("realtimeapp.api.bytes.sent", "By", "WebSocket API payload bytes sent.");
    }

    public void RecordZeros()
    {
        foreach (var counter in new[] { _circuits, _apiConnections, _sseStreams })
        {
            counter.Add(0);
        }

        foreach (var counter in new[] { _framesReceived, _framesSent, _bytesReceived, _bytesSent })
        {
            counter.Add(0);
        }
    }

    public void CircuitOpened() => _circuits.Add(1);

    public void CircuitClosed() => _circuits.Add(-1);

    public void ApiConnectionOpened() => _apiConnections.Add(1);

    public void ApiConnectionClosed() => _apiConnections.Add(-1);

    public void SseStreamOpened() => _sseStreams.Add(1);

    public void SseStreamClosed() => _sseStreams.Add(-1);

    public void FrameReceived(int bytes)
    {
        _framesReceived.Add(1);
        _bytesReceived.Add(bytes);
    }

    public void FrameSent(int bytes)
    {
        _framesSent.Add(1);
        _bytesSent.Add(bytes);
    }
}
