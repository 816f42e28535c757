using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using RealtimeApp.Web.Shared.Telemetry;

namespace RealtimeApp.Web.Realtime.Procedures;

/// <summary>
/// The serialized payload of one published event under one projection, made by the first subscriber that needs it
/// and reused by the others (the hub hands every subscriber the same event instance). Entries live as long as the
/// event does. Pass a projection that captures nothing (a static lambda or method), so every subscriber passes the
/// same delegate; any other still works, it just does not share.
/// </summary>
public static class SharedPayloads
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<Delegate, SerializedJson>> Payloads = new();

    /// <summary>The payload of <paramref name="published"/> under <paramref name="projection"/>, as <paramref name="apply"/> makes it.</summary>
    public static SerializedJson For<TEvent, TProjection, TPayload>(
        TEvent published, TProjection projection, Func<TEvent, TProjection, TPayload> apply)
        where TEvent : class
        where TProjection : Delegate
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(apply);

        return Payloads.GetValue(published, static _ => new ConcurrentDictionary<Delegate, SerializedJson>())
            .GetOrAdd(projection, static (key, state) => Made(state.published, state.apply(state.published, (TProjection)key)), (published, apply));
    }

    private static SerializedJson Made<TPayload>(object published, TPayload payload)
    {
        var serialized = SerializedJson.From(payload);
        serialized.Published = EventTraceContexts.Find(published);
        return serialized;
    }
}
