using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace RealtimeApp.Web.Data;

/// <summary>
/// Failures that mean the database cannot be reached right now (down, restarting, out of connections, timing out) rather
/// than a bug: callers are told so in plain words, and the next request simply tries again.
/// </summary>
public static class StoreUnavailable
{
    public const string Message = "The data store is unavailable right now; nothing was changed. Try again in a moment.";

    // SQLite's "database is locked" (another writer held it past the busy timeout); Microsoft.Data.Sqlite does not mark it transient.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>Whether <paramref name="exception"/>, or one it wraps, is a transient database failure.</summary>
    public static bool Is(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException { IsTransient: true } or SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked })
            {
                return true;
            }
        }

        return false;
    }
}
