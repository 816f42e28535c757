using System.Diagnostics;

namespace RealtimeApp.Web.Shared.Telemetry;

/// <summary>
/// The app's <see cref="ActivitySource"/> <c>RealtimeApp</c>: spans along a message's path (<c>api.call</c> →
/// <c>chat.post</c> → <c>chat.commit</c> → <c>chat.publish</c> → <c>api.deliver</c>). Without a listener (no
/// <c>OpenTelemetry:OtlpEndpoint</c>), starting a span returns null and costs next to nothing.
/// </summary>
public static class AppTracing
{
    public const string SourceName = "RealtimeApp";

    public static ActivitySource Source { get; } = new(SourceName);

    /// <summary>
    /// Starts a span under <paramref name="parent"/>, or at the root of a trace of its own when there is none, never
    /// under the span around the caller: a WebSocket's upgrade request lasts as long as the socket, and its trace would
    /// otherwise hold every call of the connection. The span around the caller, if any, is linked instead.
    /// </summary>
    public static DetachedSpan StartDetached(string name, ActivityKind kind, ActivityContext parent = default, IEnumerable<ActivityLink>? links = null)
    {
        var outer = Activity.Current;
        if (!Source.HasListeners())
        {
            return new DetachedSpan(null, outer);
        }

        Activity.Current = null;
        var allLinks = outer is null ? links : (links ?? []).Append(new ActivityLink(outer.Context));
        var activity = Source.StartActivity(name, kind, parent, links: allLinks);
        if (activity is null)
        {
            Activity.Current = outer;
        }

        return new DetachedSpan(activity, outer);
    }
}
