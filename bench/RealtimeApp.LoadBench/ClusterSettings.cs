using System.Globalization;
using Npgsql;

namespace RealtimeApp.LoadBench;

/// <summary>
/// <c>--nodes N --postgres … --redis …</c>: N app nodes on one fresh database on the PostgreSQL server
/// <see cref="Postgres"/> names, sharing one Redis channel on <see cref="Redis"/>; both servers on loopback.
/// </summary>
public sealed class ClusterSettings
{
    public ClusterSettings(int nodes, string postgres, string redis)
    {
        if (nodes is < 1 or > 26)
        {
            throw new ArgumentException($"--nodes is {nodes}; it must be 1 to 26 (nodes A to Z).");
        }

        var postgresHost = new NpgsqlConnectionStringBuilder(postgres).Host;
        if (!IsLoopback(postgresHost))
        {
            throw new ArgumentException($"--postgres names the host '{postgresHost}'; the benchmark talks to 127.0.0.1 only.");
        }

        // A StackExchange.Redis configuration string: "host:port" first, then ",option=value"s.
        var redisEndpoint = redis.Split(',')[0].Trim();
        var redisHost = redisEndpoint.LastIndexOf(':') is var colon and > 0 && !redisEndpoint.EndsWith(']') ? redisEndpoint[..colon] : redisEndpoint;
        if (!IsLoopback(redisHost.Trim('[', ']')))
        {
            throw new ArgumentException($"--redis names the host '{redisHost}'; the benchmark talks to 127.0.0.1 only.");
        }

        Nodes = nodes;
        Postgres = postgres;
        Redis = redis;
    }

    public int Nodes { get; }

    public string Postgres { get; }

    public string Redis { get; }

    /// <summary>The settings of every node: the database <paramref name="connectionString"/>, and Redis on <paramref name="channel"/>.</summary>
    public IReadOnlyDictionary<string, string> NodeSettings(string connectionString, string channel) => new Dictionary<string, string>
    {
        ["Database__Provider"] = "Postgres",
        ["ConnectionStrings__Default"] = connectionString,
        ["Realtime__Backplane"] = "Redis",
        ["ConnectionStrings__Redis"] = Redis,
        ["Realtime__RedisChannel"] = channel,
        ["Realtime__Nodes"] = Nodes.ToString(CultureInfo.InvariantCulture),
        // Warnings and errors (Redis or PostgreSQL lost, say) reach the bench's stderr instead of the ignored stdout.
        ["Logging__Console__LogToStandardErrorThreshold"] = "Warning",
        // Two warnings every node logs at start that say nothing about the run (no wwwroot beside it; keys kept unencrypted).
        ["Logging__LogLevel__Microsoft.AspNetCore.StaticFiles"] = "Error",
        ["Logging__LogLevel__Microsoft.AspNetCore.DataProtection"] = "Error",
    };

    private static bool IsLoopback(string? host) => host is "127.0.0.1" or "localhost" or "::1";
}
