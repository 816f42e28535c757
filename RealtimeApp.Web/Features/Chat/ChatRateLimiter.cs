using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using RealtimeApp.Domain.Common;

namespace RealtimeApp.Web.Features.Chat;

/// <summary>
/// Per-user message budget (placeholder policy until admin-managed limits exist): a token bucket of
/// <c>Chat:MessagesPerMinute</c> tokens refilled evenly, so a user may send a burst of that many and then one every few seconds.
/// </summary>
public sealed class ChatRateLimiter(IOptions<ChatOptions> options) : IDisposable
{
    private readonly int _perMinute = options.Value.MessagesPerMinute;
    private readonly PartitionedRateLimiter<string> _limiter = CreateLimiter(options.Value.MessagesPerMinute);

    /// <summary>Takes one message from <paramref name="userId"/>'s budget, or says when the next one is allowed.</summary>
    public Failure? TryAcquire(string userId)
    {
        using var lease = _limiter.AttemptAcquire(userId);
        if (lease.IsAcquired)
        {
            return null;
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1) / _perMinute;
        return Failure.RateLimited(
            $"You are sending messages too quickly ({_perMinute} per minute). Try again in {Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds)):0} s.",
            retryAfter);
    }

    public void Dispose() => _limiter.Dispose();

    private static PartitionedRateLimiter<string> CreateLimiter(int perMinute) =>
        PartitionedRateLimiter.Create<string, string>(userId =>
            RateLimitPartition.GetTokenBucketLimiter(userId, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = perMinute,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
}
