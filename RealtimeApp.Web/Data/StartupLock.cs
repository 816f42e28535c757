using System.Data;
using Microsoft.EntityFrameworkCore;

namespace RealtimeApp.Web.Data;

/// <summary>
/// Lets one node at a time run start-up work (migrations, seeding) on a shared PostgreSQL database: nodes that start
/// together against an empty database would otherwise both create the schema and the same roles. A session-level
/// advisory lock, held on the context's connection until disposed; waiting for it has no command timeout (cancel to
/// give up). A SQLite file has one node, so nothing is taken.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    /// <summary>"Realtime" in ASCII: any fixed number, the same on every node.</summary>
    private const long Key = 5937258802195295589;

    private readonly ApplicationDbContext? _held;

    private StartupLock(ApplicationDbContext? held) => _held = held;

    public static async Task<StartupLock> AcquireAsync(ApplicationDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);

        if (!db.Database.IsNpgsql())
        {
            return new StartupLock(null);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        var commandTimeout = db.Database.GetCommandTimeout();
        // However long the holder's start-up takes (a large migration can take minutes): 0 is no timeout.
        db.Database.SetCommandTimeout(0);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({Key})", cancellationToken);
        }
        finally
        {
            db.Database.SetCommandTimeout(commandTimeout);
        }

        return new StartupLock(db);
    }

    public async ValueTask DisposeAsync()
    {
        if (_held is not null && _held.Database.GetDbConnection().State == ConnectionState.Open)
        {
            await _held.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({Key})");
            await _held.Database.CloseConnectionAsync();
        }
    }
}
