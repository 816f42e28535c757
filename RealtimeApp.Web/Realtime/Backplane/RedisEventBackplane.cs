using System.Diagnostics;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Web.Shared.Telemetry;
using StackExchange.Redis;

namespace RealtimeApp.Web.Realtime.Backplane;

/// <summary>
/// Events between nodes over Redis pub/sub. An event published here is delivered to this node's subscribers at once,
/// in-process (so a node works as well without Redis as on its own), and sent on one channel to the other nodes; an
/// event from the channel is delivered unless this node sent it. One channel, read in order, keeps each topic's order.
/// </summary>
/// <remarks>
/// Redis pub/sub is at most once: while Redis is unreachable the other nodes miss this node's events (counted as
/// <c>not_sent</c>) and this node misses theirs. When Redis is back, a <see cref="BackplaneResumed"/> on this node tells
/// the feeds to catch up from the database.
/// </remarks>
public sealed class RedisEventBackplane : IEventBackplane, IDisposable
{
    private readonly InMemoryEventBackplane _local = new();
    private readonly Guid _node = Guid.NewGuid();
    private readonly IConnectionMultiplexer _redis;
    private readonly RedisChannel _channel;
    private readonly BackplaneMetrics _metrics;
    private readonly ILogger<RedisEventBackplane> _logger;
    private readonly Lock _lock = new();
    private ChannelMessageQueue? _messages;

    public RedisEventBackplane(IConnectionMultiplexer redis, string channel, BackplaneMetrics metrics, ILogger<RedisEventBackplane> logger)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentException.ThrowIfNullOrEmpty(channel);
        _redis = redis;
        _channel = RedisChannel.Literal(channel);
        _metrics = metrics;
        _logger = logger;
        _redis.ConnectionFailed += OnConnectionFailed;
        _redis.ConnectionRestored += OnConnectionRestored;
        TrySubscribe();
    }

    public IDisposable Connect(Action<IRealtimeEvent> receiver) => _local.Connect(receiver);

    public async ValueTask PublishAsync(IRealtimeEvent realtimeEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(realtimeEvent);
        await _local.PublishAsync(realtimeEvent, cancellationToken);
        using var span = AppTracing.Source.StartActivity("backplane.send", ActivityKind.Producer);
        span?.SetTag("messaging.system", "redis");
        span?.SetTag("messaging.destination.name", _channel.ToString());
        if (!_redis.IsConnected)
        {
            _metrics.NotSent();
            return;
        }

        try
        {
            await _redis.GetSubscriber().PublishAsync(_channel, BackplaneEnvelope.Wrap(_node, realtimeEvent));
            _metrics.Published();
        }
        catch (Exception exception) when (exception is RedisConnectionException or RedisTimeoutException)
        {
            // Counted, and said once by OnConnectionFailed; each event is not worth an error of its own.
            _metrics.NotSent();
            span?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        }
    }

    public void Dispose()
    {
        _redis.ConnectionFailed -= OnConnectionFailed;
        _redis.ConnectionRestored -= OnConnectionRestored;
        lock (_lock)
        {
            _messages?.Unsubscribe();
            _messages = null;
        }
    }

    private void TrySubscribe()
    {
        lock (_lock)
        {
            if (_messages is not null)
            {
                return;
            }

            try
            {
                _messages = _redis.GetSubscriber().Subscribe(_channel);
                _messages.OnMessage(OnMessage);
            }
            catch (RedisConnectionException exception)
            {
                _logger.LogWarning("Redis is not reachable yet ({Reason}); this node will join the backplane once it is", exception.Message);
            }
        }
    }

    /// <summary>Called in channel order, one message at a time.</summary>
    private void OnMessage(ChannelMessage message)
    {
        byte[]? payload = message.Message;
        try
        {
            var (node, realtimeEvent) = BackplaneEnvelope.Unwrap(payload);
            if (node == _node)
            {
                return;
            }

            _metrics.Received();
            _local.PublishAsync(realtimeEvent).GetAwaiter().GetResult();
        }
        catch (FormatException exception)
        {
            _metrics.Unreadable();
            _logger.LogWarning(exception, "A message on the backplane channel {Channel} was not an event of this app; it was skipped", _channel);
        }
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs args)
    {
        if (args.ConnectionType == ConnectionType.Subscription)
        {
            _logger.LogWarning("Lost the Redis backplane ({FailureType} on {Endpoint}); other nodes' events are missed until it is back", args.FailureType, args.EndPoint);
        }
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs args)
    {
        if (args.ConnectionType != ConnectionType.Subscription)
        {
            return;
        }

        TrySubscribe();
        _metrics.Reconnected();
        _logger.LogInformation("The Redis backplane is back ({Endpoint}); feeds catch up from the database", args.EndPoint);
        _local.PublishAsync(new BackplaneResumed()).GetAwaiter().GetResult();
    }
}
