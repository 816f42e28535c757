using RealtimeApp.Domain.Realtime;
using RealtimeApp.Web.State;

namespace RealtimeApp.Web.Realtime.Streams;

/// <summary>
/// A page's live feed: a <see cref="ResumableStream{TOut}"/> of store actions, dispatched one by one on its own task, so
/// a circuit that falls behind (a slow render, a held dispatch) catches up from the database instead of missing
/// events. It starts live (after the store's last sequence when it starts) and, should a read fail, logs it and
/// subscribes again after the last sequence delivered. It ends when disposed, with the circuit's aggregator, or when
/// its source ends it (<see cref="LiveSignal.Final"/>).
/// </summary>
public sealed class CircuitFeed : IDisposable
{
    /// <summary>Live events held while the circuit is busy; beyond that they are read back from the database.</summary>
    public const int Capacity = 1024;

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _stopping = new();
    private readonly EventAggregator _aggregator;
    private readonly IDispatcher _dispatcher;
    private readonly StreamSource<object> _source;
    private readonly Func<CancellationToken, Task<long>> _lastSequence;
    private readonly StreamMetrics _metrics;
    private readonly ILogger _logger;

    private CircuitFeed(
        EventAggregator aggregator, IDispatcher dispatcher, StreamSource<object> source, Func<CancellationToken, Task<long>> lastSequence, StreamMetrics metrics, ILogger logger)
    {
        _aggregator = aggregator;
        _dispatcher = dispatcher;
        _source = source;
        _lastSequence = lastSequence;
        _metrics = metrics;
        _logger = logger;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Completion = Task.Run(() => RunAsync(started));
        Started = started.Task;
    }

    /// <summary>Ends when the feed does.</summary>
    public Task Completion { get; }

    /// <summary>Done once the feed is subscribed and knows where it starts: what is committed from then on is delivered.</summary>
    public Task Started { get; }

    /// <summary>Starts dispatching <paramref name="source"/>'s actions (the store's last sequence now: <paramref name="lastSequence"/>, 0 for a feed that stores nothing).</summary>
    public static CircuitFeed Start(
        EventAggregator aggregator, IDispatcher dispatcher, StreamSource<object> source, Func<CancellationToken, Task<long>> lastSequence, StreamMetrics metrics, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(aggregator);
        ArgumentNullException.ThrowIfNull(dispatcher);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(lastSequence);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(logger);
        return new CircuitFeed(aggregator, dispatcher, source, lastSequence, metrics, logger);
    }

    public void Dispose() => _stopping.Cancel();

    private async Task RunAsync(TaskCompletionSource started)
    {
        var stopping = _stopping.Token;
        long? after = null;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                ResumableStream<object> stream;
                try
                {
                    stream = ResumableStream<object>.Subscribe(_aggregator, _source, Capacity);
                }
                catch (ObjectDisposedException)
                {
                    return; // The circuit ended.
                }

                try
                {
                    // The first time live only, from the store's last sequence; after a failure, from the last one delivered.
                    var resumeAfter = after;
                    after ??= await _lastSequence(stopping);
                    started.TrySetResult();
                    await foreach (var next in stream.ReadAsync(resumeAfter, after.Value, _metrics, stopping))
                    {
                        after = next.Sequence;
                        _dispatcher.Dispatch(next.Value);
                    }

                    return;
                }
                catch (Exception exception) when (!stopping.IsCancellationRequested)
                {
                    _logger.LogWarning(exception, "A live feed failed; it subscribes again after sequence {Sequence}", after);
                    await Task.Delay(RetryDelay, stopping);
                }
                finally
                {
                    await stream.DisposeAsync();
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        finally
        {
            started.TrySetResult();
        }
    }
}
