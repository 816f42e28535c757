using Microsoft.Data.Sqlite;

namespace RealtimeApp.Web.Data;

/// <summary>Resolves <c>ConnectionStrings:Default</c>, falling back to the embedded SQLite file.</summary>
public static class DatabaseConnection
{
    public const string DefaultDatabasePath = "data/realtimeapp.db";

    /// <summary>
    /// Returns a SQLite connection string whose file path is absolute (relative paths are taken from the content root)
    /// and creates the file's folder, so a fresh install needs no set-up.
    /// </summary>
    public static string ResolveSqlite(string? configured, string contentRootPath)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? $"Data Source={DefaultDatabasePath}");
        if (IsFile(builder.DataSource))
        {
            var path = Path.GetFullPath(builder.DataSource, contentRootPath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        return builder.ToString();
    }

    private static bool IsFile(string dataSource) =>
        !string.IsNullOrWhiteSpace(dataSource)
        && dataSource != ":memory:"
        && !dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
}
