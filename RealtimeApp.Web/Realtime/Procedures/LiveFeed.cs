using System.Runtime.CompilerServices;
using System.Threading.Channels;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Web.Realtime.Protocol;

namespace RealtimeApp.Web.Realtime.Procedures;

/// <summary>
/// A subscription's live events from one topic, subscribed at once (so nothing published after the subscription is
/// accepted is missed) on the connection's aggregator, buffered, and ended with SERVICE_UNAVAILABLE rather than silently
/// skipping events when the client falls too far behind.
/// </summary>
public sealed class LiveFeed<TEvent> : IAsyncDisposable
    where TEvent : class, IRealtimeEvent
{
    public const int Capacity = 1024;

    private readonly Channel<TEvent> _events = Channel.CreateBounded<TEvent>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly IEventSubscription _subscription;

    private LiveFeed(EventAggregator aggregator, string topic)
    {
        _subscription = aggregator.Subscribe<TEvent>(
            topic,
            (realtimeEvent, cancellationToken) => _events.Writer.WriteAsync(realtimeEvent, cancellationToken),
            new EventSubscriptionOptions { Overflow = OverflowPolicy.Fault, Capacity = Capacity });
        _subscription.Completion.ContinueWith(_ => _events.Writer.TryComplete(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public static LiveFeed<TEvent> Open(EventAggregator aggregator, string topic)
    {
        ArgumentNullException.ThrowIfNull(aggregator);
        return new LiveFeed<TEvent>(aggregator, topic);
    }

    /// <summary>The events as <paramref name="project"/> makes them, until the caller stops; the feed ends with the stream.</summary>
    public async IAsyncEnumerable<T> Select<T>(Func<TEvent, T?> project, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(project);

        await using (this)
        {
            await foreach (var realtimeEvent in _events.Reader.ReadAllAsync(cancellationToken))
            {
                if (project(realtimeEvent) is { } item)
                {
                    yield return item;
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (_subscription.IsFaulted)
            {
                throw new TrpcException(TrpcErrorCode.ServiceUnavailable, $"This subscription fell more than {2 * Capacity} events behind. Subscribe again.");
            }
        }
    }

    public ValueTask DisposeAsync() => _subscription.DisposeAsync();
}
