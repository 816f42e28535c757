using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Tests.Domain.Realtime;
using RealtimeApp.Tests.Realtime.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Realtime.Backplane;
using StackExchange.Redis;

namespace RealtimeApp.Tests.Realtime.Backplane;

/// <summary>
/// Two nodes (each its own Redis connection, backplane and event hub) on a real redis-server of the test's own:
/// events cross in order and once, a node delivers its own events without waiting for Redis, and a node rides out
/// Redis being down (at start or for a while).
/// </summary>
public sealed class RedisBackplaneTests
{
    private static readonly TimeSpan ReconnectTimeout = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Events_ReachBothNodes_InEachPublishersOrder_AndEachOnlyOnce()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var a = await Node.StartAsync(redis);
        await using var b = await Node.StartAsync(redis);

        for (var sequence = 1; sequence <= 50; sequence++)
        {
            a.Hub.Publish(SampleEvents.Message("general", sequence));
            b.Hub.Publish(SampleEvents.Message("general", 1000 + sequence));
        }

        await Eventually.WaitUntilAsync(() => a.Received.Count == 100 && b.Received.Count == 100, "both nodes received all 100 messages", ReconnectTimeout);
        foreach (var node in new[] { a, b })
        {
            var seen = node.Received.ToList();
            seen.Where(s => s < 1000).ShouldBe(Enumerable.Range(1, 50).Select(i => (long)i));
            seen.Where(s => s > 1000).ShouldBe(Enumerable.Range(1001, 50).Select(i => (long)i));
        }
    }

    [Fact]
    public async Task Node_StartsWhileRedisIsDown_DeliversItsOwnEvents_AndJoinsOnceRedisIsUp()
    {
        await using var redis = await RedisServer.StartAsync();
        await redis.StopAsync();
        await using var a = await Node.StartAsync(redis);

        a.Hub.Publish(SampleEvents.Message("general", 1));
        (await a.HealthAsync()).ShouldBe(HealthStatus.Unhealthy);

        await redis.StartAgainAsync();
        await using var b = await Node.StartAsync(redis);
        await Eventually.WaitUntilAsync(() => a.Redis.IsConnected, "node A connected to Redis", ReconnectTimeout);
        await PublishUntilReceivedAsync(from: b, to: a, firstSequence: 2);

        a.Received.First().ShouldBe(1);
        (await a.HealthAsync()).ShouldBe(HealthStatus.Healthy);
    }

    [Fact]
    public async Task Nodes_SayTheyReconnected_AfterRedisWasDown_AndEventsCrossAgain()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var a = await Node.StartAsync(redis);
        await using var b = await Node.StartAsync(redis);
        await PublishUntilReceivedAsync(from: a, to: b, firstSequence: 1);

        await redis.StopAsync();
        await Eventually.WaitUntilAsync(() => !a.Redis.IsConnected, "node A saw Redis go", ReconnectTimeout);
        a.Hub.Publish(SampleEvents.Message("general", 500));
        await redis.StartAgainAsync();

        await Eventually.WaitUntilAsync(() => a.Reconnects > 0 && b.Reconnects > 0, "both nodes said they reconnected", ReconnectTimeout);
        await PublishUntilReceivedAsync(from: a, to: b, firstSequence: 600);
        a.Received.ShouldContain(500);
    }

    [Fact]
    public void Envelope_CarriesTheNodeAndTheEvent_AndRefusesWhatIsNotOne()
    {
        var node = Guid.NewGuid();
        var sent = SampleEvents.Message("general", 7);

        var (from, received) = BackplaneEnvelope.Unwrap(BackplaneEnvelope.Wrap(node, sent));

        from.ShouldBe(node);
        received.ShouldBeOfType<MessagePosted>().Sequence.ShouldBe(7);
        Should.Throw<FormatException>(() => BackplaneEnvelope.Unwrap("hello"u8));
        Should.Throw<FormatException>(() => BackplaneEnvelope.Unwrap([.. node.ToByteArray(), .. "{\"type\":\"nope\"}"u8.ToArray()]));
    }

    [Theory]
    [InlineData(null, "ConnectionStrings:Redis must name the Redis server")]
    [InlineData("", "ConnectionStrings:Redis must name the Redis server")]
    [InlineData("password=secret", "ConnectionStrings:Redis names no server")]
    public void Settings_NameTheSetting_WhenTheConnectionStringIsUnusable(string? connectionString, string message)
    {
        var parsing = () => RedisSettings.Parse(connectionString);

        parsing.ShouldThrow<InvalidOperationException>().Message.ShouldContain(message);
    }

    /// <summary>Publishes on one node until the other receives (the other may still be subscribing), then checks order from there.</summary>
    private static async Task PublishUntilReceivedAsync(Node from, Node to, long firstSequence)
    {
        var sequence = firstSequence;
        await Eventually.WaitUntilAsync(
            () =>
            {
                from.Hub.Publish(SampleEvents.Message("general", sequence++));
                return to.Received.Any(s => s >= firstSequence);
            },
            "an event crossed from one node to the other",
            ReconnectTimeout);
    }

    private sealed class Node : IAsyncDisposable
    {
        private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        private readonly IEventSubscription _subscription;
        private readonly IEventSubscription _resumes;
        private int _reconnects;

        private Node(ConnectionMultiplexer redis)
        {
            Redis = redis;
            var metrics = new BackplaneMetrics(_meters.GetRequiredService<IMeterFactory>());
            Backplane = new RedisEventBackplane(redis, "test:events", metrics, NullLogger<RedisEventBackplane>.Instance);
            Hub = new EventHub(Backplane);
            _subscription = Hub.Subscribe<MessagePosted>(Topics.Room("general"), e => Received.Enqueue(e.Sequence));
            _resumes = Hub.Subscribe<BackplaneResumed>(Topics.Backplane, _ => Interlocked.Increment(ref _reconnects));
        }

        public ConnectionMultiplexer Redis { get; }

        public RedisEventBackplane Backplane { get; }

        public EventHub Hub { get; }

        public ConcurrentQueue<long> Received { get; } = new();

        public int Reconnects => Volatile.Read(ref _reconnects);

        public static async Task<Node> StartAsync(RedisServer server)
        {
            var options = RedisSettings.Parse(server.ConnectionString);
            options.ConnectTimeout = 1_000;
            return new Node(await ConnectionMultiplexer.ConnectAsync(options));
        }

        public async Task<HealthStatus> HealthAsync() =>
            (await new RedisHealthCheck(Redis).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken)).Status;

        public async ValueTask DisposeAsync()
        {
            _subscription.Dispose();
            _resumes.Dispose();
            Hub.Dispose();
            Backplane.Dispose();
            await Redis.DisposeAsync();
            await _meters.DisposeAsync();
        }
    }
}
