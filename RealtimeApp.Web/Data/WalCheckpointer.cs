using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace RealtimeApp.Web.Data;

/// <summary>
/// Copies SQLite's write-ahead log back into the database file in the background: a passive checkpoint (it never
/// waits for, or blocks, a reader or a writer) every second on its own connection. The chat message writer turns its
/// own automatic checkpoints off (<see cref="DisableAutomaticCheckpointsAsync"/>), so a commit never stalls while the
/// log is copied; other connections keep SQLite's automatic checkpoint as a backstop.
/// </summary>
public sealed class WalCheckpointer(IDbContextFactory<ApplicationDbContext> contexts, TimeProvider time, ILogger<WalCheckpointer> logger) : BackgroundService
{
    internal static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>For a connection that commits on a latency-sensitive path and leaves checkpoints to this service.</summary>
    public static async Task DisableAutomaticCheckpointsAsync(ApplicationDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_autocheckpoint=0;", cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // The first tick comes after start-up, so the database is created and migrated by then.
            using var timer = new PeriodicTimer(Interval, time);
            if (!await timer.WaitForNextTickAsync(stoppingToken))
            {
                return;
            }

            await using var db = await contexts.CreateDbContextAsync(stoppingToken);
            if (!db.Database.IsSqlite())
            {
                return;
            }

            await db.Database.OpenConnectionAsync(stoppingToken);
            do
            {
                await CheckpointAsync(db, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task CheckpointAsync(ApplicationDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);", cancellationToken);
        }
        catch (SqliteException exception)
        {
            logger.LogWarning(exception, "Checkpointing the SQLite write-ahead log failed; the next attempt is in {Interval}", Interval);
        }
    }
}
