namespace RealtimeApp.Web.Data;

/// <summary>The engine behind <c>ConnectionStrings:Default</c>, chosen by <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded file (the default): zero set-up, one node.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, shared by every node.</summary>
    Postgres,
}
