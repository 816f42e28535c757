namespace RealtimeApp.Web.Data;

/// <summary>
/// Instants as precise as every engine stores them (SQLite's converter keeps 100 µs, PostgreSQL 1 µs): whole
/// milliseconds. A write that answers with the instant it stores then answers exactly what a later read (or a retry
/// answered from the database) returns.
/// </summary>
public static class StoredInstants
{
    public static DateTimeOffset Truncate(DateTimeOffset instant) =>
        new(instant.Ticks - (instant.Ticks % TimeSpan.TicksPerMillisecond), instant.Offset);
}
