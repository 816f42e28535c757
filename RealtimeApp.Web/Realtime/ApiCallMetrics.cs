using System.Diagnostics;
using System.Diagnostics.Metrics;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Web.Realtime.Procedures;
using RealtimeApp.Web.Realtime.Protocol;
using RealtimeApp.Web.Shared.Telemetry;

namespace RealtimeApp.Web.Realtime;

/// <summary>
/// Queries and mutations answered by the API, per transport, procedure and outcome, on the app's meter
/// <c>RealtimeApp</c>: <c>realtimeapp.api.calls</c> and <c>realtimeapp.api.call.duration</c>.
/// </summary>
public sealed class ApiCallMetrics : IInstrumentBaseline
{
    public const string WebSocket = "websocket";
    public const string Http = "http";

    private readonly Counter<long> _calls;
    private readonly Histogram<double> _duration;
    private readonly TimeProvider _time;
    private readonly ProcedureRouter _router;

    public ApiCallMetrics(IMeterFactory meterFactory, TimeProvider time, ProcedureRouter router)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);

        _time = time;
        _router = router;
        var meter = meterFactory.Create(RealtimeMetrics.MeterName);
        _calls = meter.CreateCounter<long>("realtimeapp.api.calls", "{call}", "Queries and mutations answered, by transport, procedure and code (OK or the tRPC error code).");
        _duration = meter.CreateHistogram<double>("realtimeapp.api.call.duration", "s", "Time from receiving a query or mutation to its answer.");
    }

    /// <summary>
    /// A zero of <c>realtimeapp.api.calls</c> for each query and mutation on each transport, answered OK. The duration
    /// histogram is left alone: a zero there would be a call that took no time.
    /// </summary>
    public void RecordZeros()
    {
        foreach (var path in _router.Paths.Order(StringComparer.Ordinal))
        {
            if (_router.TryFind(path, out var procedure) && procedure is CallProcedure)
            {
                foreach (var transport in new[] { WebSocket, Http })
                {
                    _calls.Add(0, new TagList { { "transport", transport }, { "procedure", path }, { "code", "OK" } });
                }
            }
        }
    }

    public long Start() => _time.GetTimestamp();

    /// <summary>Records one answered call; <paramref name="procedure"/> is null for a path with no procedure (kept out of the tags).</summary>
    public void Completed(string transport, string? procedure, TrpcErrorCode? error, long started)
    {
        var tags = new TagList
        {
            { "transport", transport },
            { "procedure", procedure ?? "(none)" },
            { "code", error?.Name ?? "OK" },
        };
        _calls.Add(1, tags);
        _duration.Record(_time.GetElapsedTime(started).TotalSeconds, tags);
    }
}
