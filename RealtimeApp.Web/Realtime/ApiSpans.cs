using System.Diagnostics;
using RealtimeApp.Web.Realtime.Protocol;
using RealtimeApp.Web.Shared.Telemetry;

namespace RealtimeApp.Web.Realtime;

/// <summary>The API's spans: a query or mutation answered (<c>api.call</c>) and a tracked event sent to a subscriber (<c>api.deliver</c>).</summary>
internal static class ApiSpans
{
    public const string Call = "api.call";
    public const string Deliver = "api.deliver";

    /// <summary>
    /// A call over HTTP is a child of its request's span; one over a WebSocket starts its own trace
    /// (<paramref name="ownTrace"/>), linked to the connection's upgrade request.
    /// </summary>
    public static DetachedSpan StartCall(string procedure, string transport, bool ownTrace)
    {
        var outer = Activity.Current;
        var span = ownTrace
            ? AppTracing.StartDetached(Call, ActivityKind.Server)
            : new DetachedSpan(AppTracing.Source.StartActivity(Call, ActivityKind.Server), outer);
        Describe(span.Activity, Call, procedure, transport);
        return span;
    }

    public static void Completed(Activity? activity, TrpcErrorCode? error)
    {
        if (activity is not null && error is { } code)
        {
            activity.SetTag("trpc.error_code", code.Name);
            activity.SetStatus(ActivityStatusCode.Error, code.Name);
        }
    }

    /// <summary>A tracked event leaving for a subscriber: a child of the span that published it, when that is known.</summary>
    public static DetachedSpan StartDelivery(string procedure, string transport, string eventId, ActivityContext published)
    {
        var span = AppTracing.StartDetached(Deliver, ActivityKind.Producer, published);
        Describe(span.Activity, Deliver, procedure, transport);
        span.Activity?.SetTag("trpc.event_id", eventId);
        return span;
    }

    private static void Describe(Activity? activity, string name, string procedure, string transport)
    {
        if (activity is null)
        {
            return;
        }

        activity.DisplayName = $"{name} {procedure}";
        activity.SetTag("rpc.system", "trpc");
        activity.SetTag("rpc.method", procedure);
        activity.SetTag("transport", transport);
    }
}
