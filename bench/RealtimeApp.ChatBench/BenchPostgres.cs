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

    /// <summary>The history bench's user, room and <paramref name="messages"/> messages, in one statement each, then ANALYZE.</summary>
    public static async Task SeedHistoryAsync(string connectionString, string userId, string roomId, int messages)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var seed = new NpgsqlCommand(
            """
            INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "PrefersDarkMode")
            VALUES (@user, 'bench@example.com', 'BENCH@EXAMPLE.COM', 'bench@example.com', 'BENCH@EXAMPLE.COM', true, false, false, false, 0, false);
            INSERT INTO "Rooms" ("Id", "Name", "IsPrivate", "IsArchived", "CreatedAt", "LastActivityAt", "LastSequence") VALUES (@room, @room, false, false, @at, @at, @count);
            INSERT INTO "RoomMemberships" ("RoomId", "UserId", "Role", "JoinedAt", "LastReadSequence") VALUES (@room, @user, 0, @at, 0);
            INSERT INTO "ChatMessages" ("RoomId", "Sequence", "AuthorId", "AuthorName", "Text", "PostedAt", "Mentions")
            SELECT @room, i, @user, 'bench',
                   CASE WHEN i % 10000 = 0 THEN 'zebra ' ELSE '' END || CASE WHEN i % 3 = 0 THEN 'deploy ' ELSE '' END
                   || 'message ' || i || ': lorem ipsum dolor sit amet, consectetur adipiscing elit',
                   @at, ''
            FROM generate_series(1, @count) AS i;
            ANALYZE;
            """,
            connection)
        {
            CommandTimeout = 600,
            Parameters =
            {
                new("user", userId), new("room", roomId), new("count", (long)messages),
                new("at", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)),
            },
        };
        await seed.ExecuteNonQueryAsync();
        Console.WriteLine($"Seeded {messages:N0} messages into PostgreSQL in {started.Elapsed.TotalSeconds:0.0} s");
    }
}
