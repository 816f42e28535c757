using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace RealtimeApp.Web.Data;

/// <summary>
/// Copies SQLite's write-ahead log back into the database file in the background (registered on SQLite only): a
/// passive checkpoint (it never waits for, or blocks, a reader or a writer) every second. The chat message writer turns
/// its own automatic checkpoints off (<see cref="DisableAutomaticCheckpointsAsync"/>), so a commit never stalls while the
/// log is copied; other connections keep SQLite's automatic checkpoint as a backstop.
/// </summary>
public sealed class WalCheckpointer(DatabaseSettings database, TimeProvider time, ILogger<WalCheckpointer> logger) : BackgroundService
{
    internal static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>For a SQLite connection that commits on a latency-sensitive path and leaves checkpoints to this service.</summary>
    public static async Task DisableAutomaticCheckpointsAsync(ApplicationDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_autocheckpoint=0;", cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Read-write, not create: a checkpoint never makes a database file appear where there is none.
        var connectionString = new SqliteConnectionStringBuilder(database.ConnectionString) { Mode = SqliteOpenMode.ReadWrite }.ToString();
        try
        {
            using var timer = new PeriodicTimer(Interval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckpointAsync(connectionString, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>One passive checkpoint on a pooled connection (none is held open between checkpoints).</summary>
    private async Task CheckpointAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException exception)
        {
            logger.LogWarning(exception, "Checkpointing the SQLite write-ahead log failed; the next attempt is in {Interval}", Interval);
        }
    }
}
