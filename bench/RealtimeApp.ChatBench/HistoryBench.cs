using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Features.Chat;

namespace RealtimeApp.ChatBench;

/// <summary>
/// History pages and search on one room of <c>messages</c> messages. The SQLite file is seeded once (one INSERT … SELECT
/// over a recursive CTE) and reused by later runs; on PostgreSQL a fresh database is seeded the same way each run
/// (<c>generate_series</c>). Every 10,000th message contains "zebra" (rare), every 3rd "deploy" (common).
/// </summary>
public static class HistoryBench
{
    public const string RoomId = "bench";

    public static async Task RunAsync(string directory, int messages, int iterations, string? postgresServer)
    {
        var path = Path.Combine(directory, $"history-{messages}.db");
        var postgres = postgresServer is null ? null : await BenchPostgres.CreateFreshDatabaseAsync(postgresServer, "realtimeapp_chathistory");
        Console.WriteLine(postgres is null ? "Engine: SQLite" : "Engine: PostgreSQL");
        var fresh = postgres is not null || !File.Exists(path);
        await using var host = await BenchHost.StartAsync(path, postgres);
        var actor = new Actor("bench-user", "bench", new HashSet<string> { Roles.Staff });
        if (postgres is not null)
        {
            await BenchPostgres.SeedHistoryAsync(postgres, actor.UserId, RoomId, messages);
        }
        else if (fresh)
        {
            await SeedAsync(path, actor, messages);
        }
        else
        {
            Console.WriteLine($"Reusing {path}");
        }

        var history = host.Get<ChatHistory>();
        var middle = messages / 2;
        Latency.PrintHeader();
        await Latency.MeasureAsync("page: 50 newest", 100, iterations, async () => Check(await history.PageAsync(actor, RoomId, null, 50)));
        await Latency.MeasureAsync($"page: 50 before {middle:N0}", 100, iterations, async () => Check(await history.PageAsync(actor, RoomId, middle, 50)));
        await Latency.MeasureAsync("search: \"deploy\" (1 in 3)", 20, Math.Min(iterations, 200), async () => Check(await history.SearchAsync(actor, RoomId, "deploy", 50)));
        await Latency.MeasureAsync($"search: \"zebra\" ({messages / 10_000} in {messages:N0})", 2, 20, async () => Check(await history.SearchAsync(actor, RoomId, "zebra", 50), allowFewer: true));
        await Latency.MeasureAsync("search: \"nothing-matches\"", 2, 20, async () => Check(await history.SearchAsync(actor, RoomId, "nothing-matches", 50), allowFewer: true));
    }

    private static void Check(RealtimeApp.Domain.Common.Result<IReadOnlyList<ChatMessageView>> result, bool allowFewer = false)
    {
        if (!result.Succeeded || (!allowFewer && result.Value!.Count != 50))
        {
            throw new InvalidOperationException($"Unexpected result: {result.Failure?.Message ?? result.Value!.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }
    }

    private static async Task SeedAsync(string path, Actor actor, int messages)
    {
        var started = Stopwatch.StartNew();
        var postedAt = (long)new DateTimeOffsetToBinaryConverter().ConvertToProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))!;
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        await ExecuteAsync(connection, """
            INSERT INTO AspNetUsers (Id, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount, PrefersDarkMode)
            VALUES ($user, 'bench@example.com', 'BENCH@EXAMPLE.COM', 'bench@example.com', 'BENCH@EXAMPLE.COM', 1, 0, 0, 0, 0, 0);
            INSERT INTO Rooms (Id, Name, IsPrivate, IsArchived, CreatedAt, LastActivityAt, LastSequence) VALUES ($room, $room, 0, 0, $at, $at, $count);
            INSERT INTO RoomMemberships (RoomId, UserId, Role, JoinedAt, LastReadSequence) VALUES ($room, $user, 0, $at, 0);
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count)
            INSERT INTO ChatMessages (RoomId, Sequence, AuthorId, AuthorName, Text, PostedAt, Mentions)
            SELECT $room, i, $user, 'bench',
                   CASE WHEN i % 10000 = 0 THEN 'zebra ' ELSE '' END || CASE WHEN i % 3 = 0 THEN 'deploy ' ELSE '' END
                   || 'message ' || i || ': lorem ipsum dolor sit amet, consectetur adipiscing elit',
                   $at, ''
            FROM n;
            """, transaction, ("$user", actor.UserId), ("$room", RoomId), ("$at", postedAt), ("$count", messages));
        await transaction.CommitAsync();
        Console.WriteLine($"Seeded {messages:N0} messages into {path} in {started.Elapsed.TotalSeconds:0.0} s");
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, SqliteTransaction transaction, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }
}
