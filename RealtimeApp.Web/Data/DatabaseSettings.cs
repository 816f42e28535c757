using Microsoft.Data.Sqlite;
using Npgsql;
using RealtimeApp.Web.Shared.Settings;

namespace RealtimeApp.Web.Data;

/// <summary>
/// <c>Database:Provider</c> and <c>ConnectionStrings:Default</c>, checked at start-up: a setting that cannot work is
/// refused by name, before anything opens a connection.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringKey = "ConnectionStrings:Default";
    public const string DefaultSqlitePath = "data/realtimeapp.db";

    public static DatabaseSettings From(IConfiguration configuration, string contentRootPath)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        var provider = ParseProvider(configuration[ProviderKey]);
        var configured = configuration.GetConnectionString("Default");
        return provider == DatabaseProvider.Postgres
            ? new(provider, ResolvePostgres(configured))
            : new(provider, ResolveSqlite(configured, contentRootPath));
    }

    private static DatabaseProvider ParseProvider(string? value) =>
        string.IsNullOrWhiteSpace(value) ? DatabaseProvider.Sqlite
        : Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider) && Enum.IsDefined(provider) ? provider
        : throw new InvalidSettingException($"{ProviderKey} is '{value}'; it must be Sqlite (the default) or Postgres.");

    /// <summary>
    /// A SQLite connection string whose file path is absolute (relative paths are taken from the content root); the
    /// file's folder is created, so a fresh install needs no set-up.
    /// </summary>
    private static string ResolveSqlite(string? configured, string contentRootPath)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(configured ?? $"Data Source={DefaultSqlitePath}");
        }
        catch (ArgumentException exception)
        {
            throw new InvalidSettingException($"{ConnectionStringKey} is not a SQLite connection string: {exception.Message}", exception);
        }

        if (IsFile(builder.DataSource))
        {
            var path = Path.GetFullPath(builder.DataSource, contentRootPath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        return builder.ToString();
    }

    private static string ResolvePostgres(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new InvalidSettingException(
                $"{ProviderKey} is Postgres, so {ConnectionStringKey} must name the server (for example 'Host=localhost;Database=realtimeapp;Username=realtimeapp;Password=…').");
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(configured);
        }
        catch (ArgumentException exception)
        {
            throw new InvalidSettingException($"{ConnectionStringKey} is not a PostgreSQL connection string: {exception.Message}", exception);
        }

        return string.IsNullOrWhiteSpace(builder.Host)
            ? throw new InvalidSettingException($"{ConnectionStringKey} names no PostgreSQL server: add Host=… (for example 'Host=localhost;Database=realtimeapp').")
            : builder.ConnectionString;
    }

    private static bool IsFile(string dataSource) =>
        !string.IsNullOrWhiteSpace(dataSource)
        && dataSource != ":memory:"
        && !dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
}
