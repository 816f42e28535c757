using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace RealtimeApp.Web.Shared.Telemetry;

/// <summary>
/// The span that published an event, kept beside the event instance (the hub hands every subscriber the same one) for
/// as long as the event lives, so each delivery of it can join the publisher's trace. Only filled while tracing.
/// </summary>
public static class EventTraceContexts
{
    private static readonly ConditionalWeakTable<object, StrongBox<ActivityContext>> Contexts = new();

    public static void Remember(object published, ActivityContext context) => Contexts.AddOrUpdate(published, new StrongBox<ActivityContext>(context));

    /// <summary>The publisher's span context, or default when the event was published untraced (or on another node).</summary>
    public static ActivityContext Find(object published) => Contexts.TryGetValue(published, out var context) ? context.Value : default;
}
