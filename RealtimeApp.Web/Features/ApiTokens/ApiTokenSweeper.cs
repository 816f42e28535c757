using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Realtime.Connections;

namespace RealtimeApp.Web.Features.ApiTokens;

/// <summary>
/// The safety net behind revocation: every <see cref="ApiTokenOptions.SweepSeconds"/> it looks up the tokens of this
/// node's open API connections and closes (4001) those whose token has expired, was revoked (also on another node or
/// straight in the database), was deleted, or whose owner is locked out. One small query per tick, none when no
/// token connection is open.
/// </summary>
public sealed class ApiTokenSweeper(
    IDbContextFactory<ApplicationDbContext> contexts,
    ApiConnectionRegistry connections,
    IOptions<ApiTokenOptions> options,
    TimeProvider time,
    ILogger<ApiTokenSweeper> logger) : BackgroundService
{
    /// <summary>Closes the connections whose token may no longer be used; returns how many were closed.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var live = connections.AuthenticatedUsers.Select(user => user.GetTokenId()).OfType<int>().Distinct().ToList();
        if (live.Count == 0)
        {
            return 0;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.ApiTokens.AsNoTracking()
            .Where(t => live.Contains(t.Id))
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, LockoutEnd = u.LockoutEnabled ? u.LockoutEnd : null })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var reasons = rows.ToDictionary(row => row.Token.Id, row => ApiTokenService.RefusalOf(row.Token, row.LockoutEnd, now));
        var closed = 0;
        foreach (var tokenId in live)
        {
            var reason = reasons.TryGetValue(tokenId, out var refusal) ? refusal : ApiTokenService.RevokedReason;
            if (reason is not null)
            {
                closed += connections.CloseWhere(user => user.GetTokenId() == tokenId, reason);
            }
        }

        return closed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SweepSeconds), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogError(exception, "Checking API connections against their tokens failed");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
