using System.Collections.Concurrent;
using System.Diagnostics;
using RealtimeApp.Web.Shared.Telemetry;

namespace RealtimeApp.Tests.Features.Tracing.Support;

/// <summary>Listens to the app's <c>RealtimeApp</c> source (every host in the process) and keeps each span once it ends.</summary>
public sealed class SpanRecorder : IDisposable
{
    private readonly ActivityListener _listener;

    public SpanRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AppTracing.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public ConcurrentQueue<Activity> Spans { get; } = new();

    public IEnumerable<Activity> Named(string operationName) => Spans.Where(span => span.OperationName == operationName);

    public void Dispose() => _listener.Dispose();
}
