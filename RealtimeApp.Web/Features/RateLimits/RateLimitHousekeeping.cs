using Microsoft.EntityFrameworkCore;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Web.Features.RateLimits;

/// <summary>
/// Once a second, notices policy changes made outside this process (the <c>limits set</c> command, another node
/// without a shared backplane) by the table's row count and latest update, and reloads; once a minute, forgets idle
/// users' buckets.
/// </summary>
public sealed class RateLimitHousekeeping(
    IDbContextFactory<ApplicationDbContext> contexts,
    RateLimitPolicyCache policies,
    UserRateLimiter limiter,
    TimeProvider time,
    ILogger<RateLimitHousekeeping> logger) : BackgroundService
{
    private const int SweepEverySeconds = 60;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        (int Count, long Latest)? seen = null;
        var ticks = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                seen = await CheckForChangesAsync(seen, stoppingToken);
                if (++ticks % SweepEverySeconds == 0)
                {
                    limiter.DropIdle();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task<(int Count, long Latest)?> CheckForChangesAsync((int Count, long Latest)? seen, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var rows = db.Set<RateLimitPolicy>();
            var count = await rows.CountAsync(cancellationToken);
            var latest = (await rows.OrderByDescending(p => p.UpdatedAt).Select(p => p.UpdatedAt).FirstOrDefaultAsync(cancellationToken)).UtcTicks;
            var now = (count, latest);
            if (seen is { } before && before != now)
            {
                policies.Invalidate();
            }

            return now;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Could not check the rate-limit policies for changes");
            return seen;
        }
    }
}
