using RealtimeApp.Web.Features.Chat;

namespace RealtimeApp.Web.Features.Operations;

/// <summary>The instruments of the <c>RealtimeApp</c> meter the dashboard reads, by name (the same series <c>/metrics</c> exports).</summary>
public static class DashboardInstruments
{
    public const string Circuits = "realtimeapp.circuits.active";
    public const string ApiConnections = "realtimeapp.api.connections.active";
    public const string MessagesIn = ChatMetrics.MessagesPostedName;
    public const string MessagesOut = "realtimeapp.api.frames.sent";
    public const string Deliveries = "realtimeapp.events.deliveries";
    public const string Throttled = "realtimeapp.ratelimit.refused";

    /// <summary>Summed into errors/s: handler exceptions, events dropped for full queues, subscriptions ended by overflow.</summary>
    public static IReadOnlyList<string> Errors { get; } =
        ["realtimeapp.events.handler_errors", "realtimeapp.events.dropped", "realtimeapp.subscriptions.faulted"];
}
