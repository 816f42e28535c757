namespace RealtimeApp.Domain.Realtime;

/// <summary>
/// The seam between nodes. Every event published on an <see cref="EventHub"/> goes to the backplane, and the
/// backplane hands every event, from this node or another, to each connected hub, which then delivers it to its
/// local subscribers. So a hub never delivers its own publishes directly: it waits for the backplane to loop them
/// back, and all nodes see one stream.
/// <para>Contract for implementations:</para>
/// <list type="bullet">
/// <item><see cref="PublishAsync"/> must eventually invoke every connected receiver (on every node, this one
/// included) exactly once per event, and must preserve the publish order of each topic.</item>
/// <item>Receivers may be invoked on any thread, but not concurrently for events of the same topic unless the
/// order is still preserved (the hub serialises delivery per topic itself).</item>
/// <item>A remote implementation (e.g. Redis pub/sub) serialises with <see cref="RealtimeEventSerializer"/>,
/// completes <see cref="PublishAsync"/> once the event is handed to the transport, and invokes receivers from
/// its subscription callback. <see cref="InMemoryEventBackplane"/> invokes receivers synchronously, before
/// <see cref="PublishAsync"/> returns.</item>
/// </list>
/// </summary>
public interface IEventBackplane
{
    /// <summary>Registers a node-local receiver (one per hub). Dispose the result to disconnect.</summary>
    IDisposable Connect(Action<IRealtimeEvent> receiver);

    /// <summary>Sends an event to every connected receiver on every node.</summary>
    ValueTask PublishAsync(IRealtimeEvent realtimeEvent, CancellationToken cancellationToken = default);
}
