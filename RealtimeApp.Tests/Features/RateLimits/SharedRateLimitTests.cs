using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Realtime.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Features.RateLimits;
using RealtimeApp.Web.Realtime.Backplane;
using StackExchange.Redis;

namespace RealtimeApp.Tests.Features.RateLimits;

/// <summary>Two nodes on one Redis: a user has one budget across them, and each node's own while Redis is gone.</summary>
public sealed class SharedRateLimitTests
{
    private static readonly Actor Ana = new("ana-id", "ana", new HashSet<string> { Roles.Staff });

    [Fact]
    public async Task MessageBudget_IsOneAcrossTwoNodes_WhileRedisAnswers()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var a = await ChatHost.StartAsync(messagesPerMinute: 10, configureServices: Node(redis));
        await using var b = await ChatHost.StartAsync(messagesPerMinute: 10, configureServices: Node(redis));

        var onA = await TakeAsync(a, 6);
        var onB = await TakeAsync(b, 4);
        var eleventhOnA = await a.Get<UserRateLimiter>().TryAcquireMessageAsync(Ana, TestContext.Current.CancellationToken);
        var eleventhOnB = await b.Get<UserRateLimiter>().TryAcquireMessageAsync(Ana, TestContext.Current.CancellationToken);

        (onA, onB).ShouldBe((6, 4));
        eleventhOnA.ShouldNotBeNull().Kind.ShouldBe(FailureKind.RateLimited);
        eleventhOnB.ShouldNotBeNull().Message.ShouldStartWith("You are sending messages too quickly (10 per minute).");
        eleventhOnB.RetryAfter.ShouldNotBeNull().ShouldBeInRange(TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(6));
    }

    [Fact]
    public async Task MessageBudget_IsEachNodesOwnWhileRedisIsDown_WithAWarning_AndSharedAgainOnceItIsBack()
    {
        await using var redis = await RedisServer.StartAsync();
        var logs = new CapturingLoggerProvider();
        await using var a = await ChatHost.StartAsync(messagesPerMinute: 10, configureServices: Node(redis));
        await using var b = await ChatHost.StartAsync(messagesPerMinute: 10, configureServices: services => { Node(redis)(services); services.AddSingleton<ILoggerProvider>(logs); });
        (await TakeAsync(a, 10)).ShouldBe(10);
        (await TakeAsync(b, 1)).ShouldBe(0);

        await redis.StopAsync();
        var onBAlone = await TakeAsync(b, 11);

        onBAlone.ShouldBe(10, "node B's own bucket, full, while the shared one cannot answer");
        logs.Entries.Count(entry => entry.Level == LogLevel.Warning && entry.Message.Contains("rate limits are counted per node", StringComparison.Ordinal)).ShouldBe(1);

        await redis.StartAgainAsync();
        await Eventually.WaitUntilAsync(() => a.Get<IConnectionMultiplexer>().IsConnected && b.Get<IConnectionMultiplexer>().IsConnected, "both nodes reconnect to Redis", TimeSpan.FromSeconds(30));
        // The restarted Redis kept nothing (no persistence): one fresh budget, shared again.
        var shared = await TakeAsync(a, 6) + await TakeAsync(b, 6);
        shared.ShouldBe(10);
    }

    /// <summary>A node's Redis connection, as the Redis backplane registers it.</summary>
    private static Action<IServiceCollection> Node(RedisServer redis) => services =>
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(RedisSettings.Parse(redis.ConnectionString + ",connectTimeout=1000")));

    /// <summary>Tries <paramref name="attempts"/> messages as Ana on <paramref name="node"/>; returns how many were allowed.</summary>
    private static async Task<int> TakeAsync(ChatHost node, int attempts)
    {
        var allowed = 0;
        for (var i = 0; i < attempts; i++)
        {
            allowed += await node.Get<UserRateLimiter>().TryAcquireMessageAsync(Ana, TestContext.Current.CancellationToken) is null ? 1 : 0;
        }

        return allowed;
    }
}
