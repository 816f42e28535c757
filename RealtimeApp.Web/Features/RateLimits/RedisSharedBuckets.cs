using StackExchange.Redis;

namespace RealtimeApp.Web.Features.RateLimits;

/// <summary>
/// Token buckets in Redis, one hash per user and kind, updated by one Lua script (atomic, on Redis's own clock so the
/// nodes' clocks do not matter). A bucket that has filled up expires. While Redis is not connected, or answers with an
/// error, the call says so and the limiter uses its per-node buckets; a warning marks each such stretch.
/// </summary>
internal sealed partial class RedisSharedBuckets(IConnectionMultiplexer redis, string prefix, ILogger<RedisSharedBuckets> logger) : ISharedBuckets
{
    // Tokens are fractional-free: one token per interval (µs); "at" is when the count was last brought up to date.
    private static readonly LuaScript TakeOne = LuaScript.Prepare("""
        local size = tonumber(@size)
        local interval = tonumber(@interval)
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
        local state = redis.call('HMGET', @key, 'tokens', 'at')
        local tokens = tonumber(state[1])
        local at = tonumber(state[2])
        if tokens == nil or at == nil then
          tokens = size
          at = now
        end
        if now > at then
          local added = math.floor((now - at) / interval)
          tokens = tokens + added
          at = at + added * interval
        end
        if tokens >= size then
          tokens = size
          at = now
        end
        local wait = 0
        if tokens >= 1 then
          tokens = tokens - 1
        else
          wait = interval - (now - at)
        end
        redis.call('HSET', @key, 'tokens', tokens, 'at', at)
        redis.call('PEXPIRE', @key, math.ceil((size - tokens) * interval / 1000) + 1000)
        return wait
        """);

    private int _unreachable;

    public async ValueTask<TimeSpan?> TryTakeAsync(string key, int size, TimeSpan interval)
    {
        if (!redis.IsConnected)
        {
            Unreachable(null);
            return null;
        }

        try
        {
            var waitMicroseconds = (long)await redis.GetDatabase().ScriptEvaluateAsync(TakeOne, new
            {
                key = (RedisKey)(prefix + key),
                size,
                interval = Math.Max(1, (long)interval.TotalMicroseconds),
            });
            if (Interlocked.Exchange(ref _unreachable, 0) == 1)
            {
                LogShared(logger);
            }

            return TimeSpan.FromMicroseconds(waitMicroseconds);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            Unreachable(exception);
            return null;
        }
    }

    private void Unreachable(Exception? exception)
    {
        if (Interlocked.Exchange(ref _unreachable, 1) == 0)
        {
            LogPerNode(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis cannot be reached: rate limits are counted per node until it is back (a user may spend up to one budget on each node).")]
    private static partial void LogPerNode(ILogger logger, Exception? exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis is back: rate limits are one budget per user across the nodes again.")]
    private static partial void LogShared(ILogger logger);
}
