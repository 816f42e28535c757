using System.Runtime.CompilerServices;
using System.Threading.Channels;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Web.Realtime.Procedures;

namespace RealtimeApp.Web.Realtime.Streams;

/// <summary>
/// A feed's events, each once and in sequence order, whatever the subscriber goes through: it subscribes live first
/// (a synchronous handler hands each event to a bounded buffer), replays from the store everything after the resume
/// cursor, then drains the buffer skipping what the replay covered. A live event that does not follow on from the last
/// one (another node's events missed while the backplane was down, or events dropped by a full buffer) is preceded by
/// the store's events in between; a <see cref="BackplaneResumed"/> reads the store to its end. When the buffer
/// overflows, the newest events are dropped and, once the buffer is drained, read back from the store: a slow
/// subscriber is resynchronised, never silently skipped. Used by the API's tracked subscriptions and the circuits' feeds.
/// </summary>
public sealed class ResumableStream<TOut> : IAsyncDisposable
{
    private readonly Channel<(IRealtimeEvent Event, LiveSignal Signal)> _live;
    private readonly StreamSource<TOut> _source;
    private readonly IReadOnlyList<IEventSubscription> _events;
    private readonly IEventSubscription _resumes;
    private volatile Ending? _ending;
    private int _overflowed;

    private ResumableStream(EventAggregator aggregator, StreamSource<TOut> source, int capacity)
    {
        _source = source;
        _live = Channel.CreateBounded<(IRealtimeEvent, LiveSignal)>(
            new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        // Synchronous: delivered inline under the topic's lock (so in order, one writer at a time), one hand-off to the
        // reader instead of a queue and a pump per subscriber.
        _events = source.SubscribeLive(aggregator, OnEvent);
        _resumes = aggregator.Subscribe<BackplaneResumed>(Topics.Backplane, OnEvent);
    }

    /// <summary>Subscribes to <paramref name="source"/>'s live events now; nothing published from here on is missed.</summary>
    /// <param name="aggregator">The connection's or circuit's aggregator: the subscription ends with it at the latest.</param>
    /// <param name="source">The feed.</param>
    /// <param name="capacity">Live events held for a reader that is busy; beyond that they are read back from the store.</param>
    public static ResumableStream<TOut> Subscribe(EventAggregator aggregator, StreamSource<TOut> source, int capacity)
    {
        ArgumentNullException.ThrowIfNull(aggregator);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        return new ResumableStream<TOut>(aggregator, source, capacity);
    }

    /// <summary>
    /// The events after <paramref name="after"/> (replayed from the store, then live), or, when it is null, those after
    /// <paramref name="lastWhenSubscribed"/>: the store's last sequence read after <see cref="Subscribe"/>. Read once;
    /// the live subscription ends with the enumeration.
    /// </summary>
    public async IAsyncEnumerable<StreamEvent<TOut>> ReadAsync(
        long? after, long lastWhenSubscribed, StreamMetrics metrics, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metrics);

        try
        {
            var last = after ?? lastWhenSubscribed;
            if (after is not null)
            {
                await foreach (var stored in ReplayAsync(last, long.MaxValue, cancellationToken))
                {
                    last = stored.Sequence;
                    yield return stored;
                }
            }

            while (true)
            {
                while (_live.Reader.TryRead(out var live))
                {
                    if (live.Signal.Kind is LiveSignalKind.Item or LiveSignalKind.CatchUp)
                    {
                        var before = live.Signal.Kind == LiveSignalKind.Item ? live.Signal.Sequence : long.MaxValue;
                        if (before > last + 1)
                        {
                            metrics.CatchUpRead();
                        }

                        await foreach (var missed in ReplayAsync(last, before, cancellationToken))
                        {
                            last = missed.Sequence;
                            yield return missed;
                        }
                    }

                    if (live.Signal.Kind == LiveSignalKind.Update || (live.Signal.Kind == LiveSignalKind.Item && live.Signal.Sequence > last))
                    {
                        last = Math.Max(last, live.Signal.Sequence);
                        yield return new StreamEvent<TOut>(last, _source.Project(live.Event));
                    }
                }

                if (Interlocked.Exchange(ref _overflowed, 0) == 1)
                {
                    // Whatever was dropped was stored before it was published: it is read back now, and live events
                    // buffered from here on that the read already covered are skipped.
                    metrics.Resynced();
                    await foreach (var missed in ReplayAsync(last, long.MaxValue, cancellationToken))
                    {
                        last = missed.Sequence;
                        yield return missed;
                    }

                    if (_source.TryGetResyncNotice(out var notice))
                    {
                        yield return new StreamEvent<TOut>(last, notice);
                    }

                    continue;
                }

                if (!await _live.Reader.WaitToReadAsync(cancellationToken))
                {
                    break;
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (_ending is { } ending)
            {
                if (ending.Signal.Kind == LiveSignalKind.Fail)
                {
                    throw _source.Failure(ending.Event);
                }

                yield return new StreamEvent<TOut>(last, _source.Project(ending.Event));
            }
        }
        finally
        {
            await DisposeAsync();
        }
    }

    /// <summary>Ends the live subscription (when the stream is not read after all; reading it ends it too).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var subscription in _events)
        {
            await subscription.DisposeAsync();
        }

        await _resumes.DisposeAsync();
    }

    private async IAsyncEnumerable<StreamEvent<TOut>> ReplayAsync(long after, long before, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var stored in SequenceReplay.BetweenAsync(_source.ReadAfterAsync, stored => stored.Sequence, after, before, cancellationToken))
        {
            // An ending (a removal from the room) stops a replay at once: nothing more is delivered to whom it no longer concerns.
            if (_ending is not null)
            {
                yield break;
            }

            yield return stored;
        }
    }

    private void OnEvent(IRealtimeEvent realtimeEvent)
    {
        var signal = realtimeEvent is BackplaneResumed ? LiveSignal.CatchUp : _source.Classify(realtimeEvent);
        if (signal.Kind == LiveSignalKind.Ignore || _ending is not null)
        {
            return;
        }

        if (signal.Ends)
        {
            // Not queued behind the buffer: what is buffered is still delivered, then the stream ends.
            _ending = new Ending(realtimeEvent, signal);
            _live.Writer.TryComplete();
        }
        else if (!_live.Writer.TryWrite((realtimeEvent, signal)))
        {
            Volatile.Write(ref _overflowed, 1);
        }
    }

    private sealed record Ending(IRealtimeEvent Event, LiveSignal Signal);
}
