using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.RateLimits;
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
    private const int SweepEveryChecks = 60;

    private (int Count, long Latest)? _seen;

    /// <summary>Reads the table's stamp; true (and the policies reloaded) when it differs from the last one read.</summary>
    public async Task<bool> CheckForChangesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var rows = db.Set<RateLimitPolicy>();
            var count = await rows.CountAsync(cancellationToken);
            var latest = (await rows.OrderByDescending(p => p.UpdatedAt).Select(p => p.UpdatedAt).FirstOrDefaultAsync(cancellationToken)).UtcTicks;
            var changed = _seen is { } before && before != (count, latest);
            _seen = (count, latest);
            if (changed)
            {
                policies.Invalidate();
            }

            return changed;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Could not check the rate-limit policies for changes");
            return false;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var checks = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // A delay re-armed after each check, not a periodic timer: a clock that jumps (a suspended VM, a test's
                // fake clock) gets one check, not one per second it skipped.
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
                await CheckForChangesAsync(stoppingToken);
                if (++checks % SweepEveryChecks == 0)
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
}
