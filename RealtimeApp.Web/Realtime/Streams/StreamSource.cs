using RealtimeApp.Domain.Realtime;

namespace RealtimeApp.Web.Realtime.Streams;

/// <summary>
/// One feed's events for a <see cref="ResumableStream{TOut}"/>: what it listens to, what each live event means,
/// how a delivered value is made, and how stored events are read back (the replay after a resume, a gap or an overflow).
/// A feed that stores nothing (state that the next event supersedes) reads nothing and says how to reload instead
/// (<see cref="TryGetResyncNotice"/>).
/// </summary>
public abstract class StreamSource<TOut>
{
    /// <summary>Subscribes <paramref name="deliver"/> (synchronous, cheap) to the feed's live events, e.g. its topic.</summary>
    public abstract IReadOnlyList<IEventSubscription> SubscribeLive(EventAggregator aggregator, Action<IRealtimeEvent> deliver);

    /// <summary>What a live event means. Runs on the publisher's thread: no I/O, no serializing.</summary>
    public abstract LiveSignal Classify(IRealtimeEvent realtimeEvent);

    /// <summary>The value delivered for a live event classified <see cref="LiveSignal.Item"/>, <see cref="LiveSignal.Update"/> or <see cref="LiveSignal.Final"/>.</summary>
    public abstract TOut Project(IRealtimeEvent realtimeEvent);

    /// <summary>The error that ends the stream for a live event classified <see cref="LiveSignal.Fail"/>.</summary>
    public virtual Exception Failure(IRealtimeEvent realtimeEvent) => new InvalidOperationException($"{realtimeEvent.GetType().Name} ended the stream.");

    /// <summary>Up to <paramref name="limit"/> stored events after <paramref name="afterSequence"/>, oldest first.</summary>
    public virtual Task<IReadOnlyList<StreamEvent<TOut>>> ReadAfterAsync(long afterSequence, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StreamEvent<TOut>>>([]);

    /// <summary>
    /// What to deliver after the stream fell behind and read the store again, for what the store cannot replay
    /// (updates, unsequenced state): e.g. an action that reloads the page. False: nothing to add.
    /// </summary>
    public virtual bool TryGetResyncNotice(out TOut notice)
    {
        notice = default!;
        return false;
    }
}
