using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Tests.Features.Chat.Api.Support;
using RealtimeApp.Tests.Features.RateLimits.Support;
using RealtimeApp.Tests.Realtime.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Features.Chat;
using RealtimeApp.Web.Features.Rooms.Presence;
using RealtimeApp.Web.Features.Tasks;
using StackExchange.Redis;

using static RealtimeApp.Tests.Integration.Support.TwoNodeSetup;

namespace RealtimeApp.Tests.Integration;

/// <summary>
/// The app as two nodes with <c>Realtime:Backplane=Redis</c> (one redis-server of the test's own, one PostgreSQL database):
/// what one node publishes reaches the other's subscribers (and, after a Redis outage, what they missed is read from
/// the database), presence and resume span the nodes, and <c>/healthz</c> reports Redis. Security changes across nodes:
/// <see cref="TwoNodeSecurityTests"/>.
/// </summary>
public sealed class TwoNodeBackplaneTests
{

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MessagePostedOnNodeA_ReachesNodeBsSubscribers_Once()
    {
        await using var redis = await RedisServer.StartAsync();
        var database = await PostgresServer.Shared.CreateDatabaseAsync();
        await using var a = new RealtimeAppFactory(NodeSettings(redis, database));
        await using var b = new RealtimeAppFactory(NodeSettings(redis, database));
        var admin = await AdminAsync(a);
        var onB = new ConcurrentQueue<MessagePosted>();
        using var subscription = b.Services.GetRequiredService<EventHub>().Subscribe<MessagePosted>(Topics.Room("general"), onB.Enqueue);

        var posted = await a.Services.GetRequiredService<ChatService>().PostAsync(admin, "general", "hello from node A", Ct);

        posted.Failure.ShouldBeNull();
        await Eventually.WaitUntilAsync(() => !onB.IsEmpty, "node B's subscriber got the message", NodeTimeout);
        var received = onB.Single();
        received.Sequence.ShouldBe(posted.Value!.Sequence);
        received.Text.ShouldBe("hello from node A");
    }

    [Fact]
    public async Task Subscriber_EndsWithEveryMessageInOrderOnce_WhenRedisWasDownWhilePostingOnBothNodes()
    {
        await using var redis = await RedisServer.StartAsync();
        var database = await PostgresServer.Shared.CreateDatabaseAsync();
        await using var a = new RealtimeAppFactory(NodeSettings(redis, database));
        await using var b = new RealtimeAppFactory(NodeSettings(redis, database));
        var admin = await AdminAsync(a);
        await RateLimitSettings.SetMessageBudgetAsync(a.Services, 100_000);
        using var catchUpReads = CountOnNode(a, "realtimeapp.backplane.catchup.reads");
        await using var subscriber = await SubscribeOnAsync(a, admin, "chat.onMessage", """{"roomId":"general"}""");
        var postOnA = a.Services.GetRequiredService<ChatService>();
        var postOnB = b.Services.GetRequiredService<ChatService>();
        var acknowledged = new List<long>();

        async Task PostAsync(ChatService node, string text) =>
            acknowledged.Add((await node.PostAsync(admin, "general", text, Ct)).Value!.Sequence);

        await PostAsync(postOnB, "before the outage");
        await redis.StopAsync();
        await Eventually.WaitUntilAsync(() => !a.Services.GetRequiredService<IConnectionMultiplexer>().IsConnected, "node A saw Redis go", NodeTimeout);
        for (var i = 1; i <= 5; i++)
        {
            await PostAsync(postOnB, $"on B during the outage {i}");
            await PostAsync(postOnA, $"on A during the outage {i}");
        }

        await PostAsync(postOnB, "on B, the last during the outage");
        await redis.StartAgainAsync();
        var received = await SequencesUntilAsync(subscriber, acknowledged[^1]);

        received.ShouldBe(acknowledged.Order());
        catchUpReads.Total.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task TaskSubscriber_GetsTheProgressReportedOnTheOtherNode_WhileRedisWasDown()
    {
        await using var redis = await RedisServer.StartAsync();
        var database = await PostgresServer.Shared.CreateDatabaseAsync();
        await using var a = new RealtimeAppFactory(NodeSettings(redis, database));
        await using var b = new RealtimeAppFactory(NodeSettings(redis, database));
        var admin = await AdminAsync(a);
        var tasksOnB = b.Services.GetRequiredService<TaskService>();
        (await tasksOnB.CreateAsync(admin, "Build", id: "task-1", cancellationToken: Ct)).Failure.ShouldBeNull();
        await using var subscriber = await SubscribeOnAsync(a, admin, "tasks.onProgress", """{"taskId":"task-1"}""");

        await redis.StopAsync();
        await Eventually.WaitUntilAsync(() => !a.Services.GetRequiredService<IConnectionMultiplexer>().IsConnected, "node A saw Redis go", NodeTimeout);
        (await tasksOnB.ReportAsync(admin, new TaskReport("task-1", 50, "running", "half way"), Ct)).Failure.ShouldBeNull();
        var done = await tasksOnB.ReportAsync(admin, new TaskReport("task-1", 100, "succeeded", "done"), Ct);
        done.Failure.ShouldBeNull();
        await redis.StartAgainAsync();

        var received = await SequencesUntilAsync(subscriber, done.Value!.LastSequence);
        received.ShouldBe([done.Value.LastSequence - 1, done.Value.LastSequence]);
    }

    [Fact]
    public async Task Healthz_IsUnhealthy_WhileRedisIsDown_AndHealthyWhenItIsBack()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var node = new RealtimeAppFactory(RedisSettings(redis));
        var client = node.CreateClient();
        (await client.GetAsync("/healthz", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await redis.StopAsync();
        await WaitForHealthAsync(client, HttpStatusCode.ServiceUnavailable);
        var down = await (await client.GetAsync("/healthz", Ct)).Content.ReadAsStringAsync(Ct);
        await redis.StartAgainAsync();

        await WaitForHealthAsync(client, HttpStatusCode.OK);
        down.ShouldStartWith("Unhealthy\n");
        down.ShouldContain("database: Healthy");
        down.ShouldContain("redis: Unhealthy (Redis is not connected.)");
    }

    /// <summary>Adds up one of the node's counters from now on.</summary>
    private static MeasurementTotal CountOnNode(RealtimeAppFactory node, string instrumentName) =>
        new(node.Services.GetRequiredService<IMeterFactory>().Create(RealtimeMetrics.MeterName), instrumentName);

    /// <summary>The sequences the subscription delivers, up to and including <paramref name="last"/>.</summary>
    private static async Task<List<long>> SequencesUntilAsync(TrpcTestClient subscriber, long last)
    {
        var sequences = new List<long>();
        while (sequences.Count == 0 || sequences[^1] < last)
        {
            sequences.Add(Frame.TrackedSequence(await subscriber.ReceiveAsync()));
        }

        return sequences;
    }

    [Fact]
    public async Task Subscriber_ResumesOnNodeB_WithTheLastEventIdNodeAGaveIt_AndGetsExactlyWhatItMissed()
    {
        await using var redis = await RedisServer.StartAsync();
        var database = await PostgresServer.Shared.CreateDatabaseAsync();
        await using var b = new RealtimeAppFactory(NodeSettings(redis, database));
        await using var a = new RealtimeAppFactory(NodeSettings(redis, database));
        var admin = await AdminAsync(a);
        await RateLimitSettings.SetMessageBudgetAsync(a.Services, 100_000);
        var chatOnB = b.Services.GetRequiredService<ChatService>();
        var acknowledged = new List<long>();
        for (var i = 1; i <= 4; i++)
        {
            acknowledged.Add((await chatOnB.PostAsync(admin, "general", $"before {i}", Ct)).Value!.Sequence);
        }

        long lastOnA;
        await using (var onA = await SubscribeOnAsync(a, admin, "chat.onMessage", $$"""{"roomId":"general","lastEventId":"{{acknowledged[1]}}"}"""))
        {
            // Node A delivers what followed the client's position, then is taken down (a redeploy): it asks its clients
            // to move, and this one leaves, keeping the last id it got.
            lastOnA = (await SequencesUntilAsync(onA, acknowledged[^1]))[^1];
            var stopping = a.DisposeAsync();
            (await onA.ReceiveAsync()).ShouldBe("""{"id":null,"method":"reconnect"}""");
            await onA.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, Ct);
            await stopping;
        }

        for (var i = 1; i <= 4; i++)
        {
            acknowledged.Add((await chatOnB.PostAsync(admin, "general", $"while away {i}", Ct)).Value!.Sequence);
        }

        await using var onB = await SubscribeOnAsync(b, admin, "chat.onMessage", $$"""{"roomId":"general","lastEventId":"{{lastOnA}}"}""");
        var resumed = await SequencesUntilAsync(onB, acknowledged[^1]);

        lastOnA.ShouldBe(acknowledged[3]);
        resumed.ShouldBe(acknowledged.Skip(4));
    }

    [Fact]
    public async Task Presence_OnEachNode_ListsTheUsersOfBothNodes_AndLosesThemWhenTheyLeave()
    {
        await using var redis = await RedisServer.StartAsync();
        var database = await PostgresServer.Shared.CreateDatabaseAsync();
        await using var a = new RealtimeAppFactory(NodeSettings(redis, database));
        await using var b = new RealtimeAppFactory(NodeSettings(redis, database));
        var (onA, onB) = (a.Services.GetRequiredService<PresenceTracker>(), b.Services.GetRequiredService<PresenceTracker>());

        var ana = onA.Enter("general", "ana-id", "Ana");
        using var bob = onB.Enter("general", "bob-id", "Bob");

        await Eventually.WaitUntilAsync(
            () => onA.Online("general").Count == 2 && onB.Online("general").Count == 2, "both nodes list Ana and Bob", NodeTimeout);
        onB.Online("general").Select(m => m.UserName).ShouldBe(["Ana", "Bob"]);
        ana.Dispose();
        await Eventually.WaitUntilAsync(() => onB.Online("general").Count == 1, "node B sees Ana leave", NodeTimeout);
        onB.Online("general").ShouldHaveSingleItem().UserName.ShouldBe("Bob");
    }

    private static Task WaitForHealthAsync(HttpClient client, HttpStatusCode expected) =>
        Eventually.WaitUntilAsync(async () => (await client.GetAsync("/healthz", Ct)).StatusCode == expected, $"/healthz answers {(int)expected}", NodeTimeout);
}
