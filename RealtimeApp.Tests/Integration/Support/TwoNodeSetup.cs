using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Domain.ApiTokens;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Realtime.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Features.ApiTokens;

namespace RealtimeApp.Tests.Integration.Support;

/// <summary>What the two-node tests share: node settings (one PostgreSQL database, one Redis), an administrator, and subscribing on a node.</summary>
public static class TwoNodeSetup
{
    /// <summary>How long a two-node test waits for anything to cross nodes or for a server to come back.</summary>
    public static readonly TimeSpan NodeTimeout = TimeSpan.FromSeconds(45);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Subscribes on <paramref name="node"/> with a new API token of <paramref name="user"/>; returns once started.</summary>
    public static async Task<TrpcTestClient> SubscribeOnAsync(RealtimeAppFactory node, Actor user, string path, string input)
    {
        var token = await node.Services.GetRequiredService<ApiTokenService>().CreateAsync(user.UserId, $"two-node test {Guid.NewGuid():N}", expiresAt: null, [ApiScopes.All], Ct);
        return await SubscribeWithTokenAsync(node, token.Value!.Secret, path, input);
    }

    /// <summary>Subscribes on <paramref name="node"/> with the token <paramref name="secret"/>; returns once started.</summary>
    public static async Task<TrpcTestClient> SubscribeWithTokenAsync(RealtimeAppFactory node, string secret, string path, string input)
    {
        var socket = await node.Server.CreateWebSocketClient().ConnectAsync(new Uri("ws://localhost/api/ws?connectionParams=1"), Ct);
        var client = new TrpcTestClient(socket);
        await client.SendAsync($$$"""{"method":"connectionParams","data":{"token":"{{{secret}}}"}}""");
        await client.SendAsync($$$"""{"id":1,"method":"subscription","params":{"path":"{{{path}}}","input":{{{input}}}}}""");
        (await client.ReceiveAsync()).ShouldBe("""{"id":1,"result":{"type":"started"}}""");
        return client;
    }

    /// <summary>A node on the Redis backplane of <paramref name="redis"/> (its own SQLite file).</summary>
    public static Dictionary<string, string?> RedisSettings(RedisServer redis) => new()
    {
        ["Realtime:Backplane"] = "Redis",
        ["ConnectionStrings:Redis"] = redis.ConnectionString + ",connectTimeout=1000",
    };

    /// <summary>A node of two, as operators run them: one PostgreSQL database, one Redis.</summary>
    public static Dictionary<string, string?> NodeSettings(RedisServer redis, string database) => new(RedisSettings(redis))
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:Default"] = database,
        ["Realtime:Nodes"] = "2",
    };

    /// <summary>The node's bootstrap administrator as an actor.</summary>
    public static async Task<Actor> AdminAsync(RealtimeAppFactory app)
    {
        var user = await app.WithUserManagerAsync(users => users.FindByEmailAsync(RealtimeAppFactory.AdminEmail));
        return new Actor(user!.Id, user.UserName!, new HashSet<string> { Roles.Admin });
    }
}
