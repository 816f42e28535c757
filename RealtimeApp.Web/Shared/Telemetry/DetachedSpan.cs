using System.Diagnostics;

namespace RealtimeApp.Web.Shared.Telemetry;

/// <summary>A span started by <see cref="AppTracing.StartDetached"/>: ending it puts back the span that was current before.</summary>
public readonly struct DetachedSpan(Activity? activity, Activity? outer) : IDisposable
{
    /// <summary>The span; null when nothing listens.</summary>
    public Activity? Activity { get; } = activity;

    public void Dispose()
    {
        if (Activity is { } activity)
        {
            activity.Dispose();
            System.Diagnostics.Activity.Current = outer;
        }
    }
}
