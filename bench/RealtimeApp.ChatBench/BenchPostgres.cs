using Npgsql;

namespace RealtimeApp.ChatBench;

/// <summary>A fresh database on an operator's PostgreSQL server for one bench run.</summary>
public static class BenchPostgres
{
    /// <summary>Drops and creates <paramref name="database"/> on the server and returns a connection string to it.</summary>
    public static async Task<string> CreateFreshDatabaseAsync(string server, string database)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(maintenance.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
    }
}
