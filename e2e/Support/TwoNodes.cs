using RealtimeApp.Tests.Support;

namespace RealtimeApp.E2E.Support;

/// <summary>
/// The app as operators scale it out: two node processes (<see cref="A"/>, <see cref="B"/>) on one PostgreSQL
/// database (a fresh one on the run's server) and one Redis of the test's own (stop it for an outage). Users and tokens
/// are made with the app's command line before the nodes start, as an operator would.
/// </summary>
public sealed class TwoNodes : IAsyncDisposable
{
    public const string AdminEmail = "admin@example.com";
    public const string Password = "Node#Pass1";

    private readonly Dictionary<string, string> _settings;

    private TwoNodes(RedisServer redis, Dictionary<string, string> settings)
    {
        Redis = redis;
        _settings = settings;
    }

    public RedisServer Redis { get; }

    public AppNode A { get; private set; } = null!;

    public AppNode B { get; private set; } = null!;

    /// <summary>What both nodes are started with (<c>__</c> for <c>:</c>, as in environment variables).</summary>
    public IReadOnlyDictionary<string, string> Settings => _settings;

    /// <summary>A fresh database and Redis; no node runs until <see cref="StartNodesAsync"/> (prepare accounts first).</summary>
    public static async Task<TwoNodes> CreateAsync()
    {
        var database = await PostgresServer.Shared.CreateDatabaseAsync();
        var redis = await RedisServer.StartAsync();
        return new TwoNodes(redis, new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Default"] = database,
            ["Realtime__Backplane"] = "Redis",
            ["ConnectionStrings__Redis"] = redis.ConnectionString,
            ["Realtime__Nodes"] = "2",
            ["Bootstrap__AdminEmail"] = AdminEmail,
            ["Bootstrap__AdminPassword"] = Password,
        });
    }

    /// <summary>Starts node A, then node B (one after the other: the first creates the bootstrap administrator).</summary>
    public async Task StartNodesAsync(CancellationToken cancellationToken)
    {
        A = await AppNode.StartAsync("A", Settings, cancellationToken);
        B = await AppNode.StartAsync("B", Settings, cancellationToken);
    }

    /// <summary>Creates a user (<see cref="Password"/>) with <c>users create</c> and returns its email.</summary>
    public async Task<string> CreateUserAsync(string name, string role, CancellationToken cancellationToken)
    {
        var email = $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)] + "@example.com";
        await AppNode.RunCommandAsync(_settings, ["users", "create", "--email", email, "--password", Password, "--role", role], cancellationToken);
        return email;
    }

    /// <summary>Creates an API token for <paramref name="email"/> with <c>tokens create</c>.</summary>
    public Task<string> CreateTokenAsync(string email, CancellationToken cancellationToken) =>
        AppNode.RunCommandAsync(_settings, ["tokens", "create", "--email", email, "--name", "two-node test"], cancellationToken);

    /// <summary>Sets the user's rate-limit override with <c>limits set</c> (e.g. <c>--messages-per-minute 3</c>).</summary>
    public Task SetLimitsAsync(string email, string[] limits, CancellationToken cancellationToken) =>
        AppNode.RunCommandAsync(_settings, ["limits", "set", "--email", email, .. limits], cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (A is not null)
        {
            await A.DisposeAsync();
        }

        if (B is not null)
        {
            await B.DisposeAsync();
        }

        await Redis.DisposeAsync();
    }
}
