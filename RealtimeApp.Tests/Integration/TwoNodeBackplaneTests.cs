using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Realtime.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Features.Chat;

namespace RealtimeApp.Tests.Integration;

/// <summary>
/// The app as two nodes with <c>Realtime:Backplane=Redis</c> (one redis-server of the test's own, one database):
/// what one node publishes reaches the other's subscribers, and <c>/healthz</c> reports Redis.
/// </summary>
public sealed class TwoNodeBackplaneTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(45);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MessagePostedOnNodeA_ReachesNodeBsSubscribers_Once()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var a = new RealtimeAppFactory(RedisSettings(redis));
        await using var b = new RealtimeAppFactory(new Dictionary<string, string?>(RedisSettings(redis)) { ["ConnectionStrings:Default"] = $"Data Source={a.DatabasePath}" });
        var admin = await AdminAsync(a);
        var onB = new ConcurrentQueue<MessagePosted>();
        using var subscription = b.Services.GetRequiredService<EventHub>().Subscribe<MessagePosted>(Topics.Room("general"), onB.Enqueue);

        var posted = await a.Services.GetRequiredService<ChatService>().PostAsync(admin, "general", "hello from node A", Ct);

        posted.Failure.ShouldBeNull();
        await Eventually.WaitUntilAsync(() => !onB.IsEmpty, "node B's subscriber got the message", Timeout);
        var received = onB.Single();
        received.Sequence.ShouldBe(posted.Value!.Sequence);
        received.Text.ShouldBe("hello from node A");
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
        await redis.StartAgainAsync();

        await WaitForHealthAsync(client, HttpStatusCode.OK);
    }

    private static Dictionary<string, string?> RedisSettings(RedisServer redis) => new()
    {
        ["Realtime:Backplane"] = "Redis",
        ["ConnectionStrings:Redis"] = redis.ConnectionString + ",connectTimeout=1000",
    };

    private static async Task<Actor> AdminAsync(RealtimeAppFactory app)
    {
        var user = await app.WithUserManagerAsync(users => users.FindByEmailAsync(RealtimeAppFactory.AdminEmail));
        return new Actor(user!.Id, user.UserName!, new HashSet<string> { Roles.Admin });
    }

    private static async Task WaitForHealthAsync(HttpClient client, HttpStatusCode expected)
    {
        HttpStatusCode? last = null;
        var started = DateTime.UtcNow;
        while (last != expected)
        {
            if (DateTime.UtcNow - started > Timeout)
            {
                throw new TimeoutException($"/healthz still answered {last}, not {expected}.");
            }

            last = (await client.GetAsync("/healthz", Ct)).StatusCode;
            if (last != expected)
            {
                await Task.Delay(20, Ct); // polling the condition, not a fixed wait
            }
        }
    }
}
