using Npgsql;

namespace RealtimeApp.LoadBench;

/// <summary>A fresh, uniquely named database on an operator's PostgreSQL server for one run; dropped on dispose.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _name;

    private BenchDatabase(string server, string name)
    {
        _server = server;
        _name = name;
    }

    /// <summary>A connection string to the database: the server's, with <c>Database</c> set.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ConnectionString;

    public static async Task<BenchDatabase> CreateAsync(string server, CancellationToken ct)
    {
        var name = $"loadbench_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE {name}", ct);
        return new BenchDatabase(server, name);
    }

    /// <summary>Drops the database, ending the sessions still on it.</summary>
    public async ValueTask DisposeAsync() => await ExecuteAsync(_server, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", CancellationToken.None);

    private static async Task ExecuteAsync(string server, string statement, CancellationToken ct)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false, Timeout = 15, CommandTimeout = 60 };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(statement, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
