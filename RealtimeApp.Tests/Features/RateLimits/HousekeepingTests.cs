using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.RateLimits;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.RateLimits;

namespace RealtimeApp.Tests.Features.RateLimits;

public sealed class HousekeepingTests
{
    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task CheckForChangesAsync_ReloadsPolicies_WhenAnotherProcessChangedTheTable(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine, messagesPerMinute: 30);
        var ana = await host.CreateUserAsync("ana");
        var housekeeping = CreateHousekeeping(host);
        (await host.Get<UserRateLimiter>().GetLimitsAsync(ana, TestContext.Current.CancellationToken)).MessagesPerMinute.Value.ShouldBe(30);
        (await housekeeping.CheckForChangesAsync(TestContext.Current.CancellationToken)).ShouldBeFalse();

        await using (var db = await host.OpenDbAsync())
        {
            // What `limits set` in another process does: a row written without an event reaching this node.
            db.Add(new RateLimitPolicy { UserId = ana.UserId, MessagesPerMinute = 5, UpdatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        (await housekeeping.CheckForChangesAsync(TestContext.Current.CancellationToken)).ShouldBeTrue();
        (await host.Get<UserRateLimiter>().GetLimitsAsync(ana, TestContext.Current.CancellationToken)).MessagesPerMinute
            .ShouldBe(new EffectiveLimit(5, RateLimitSource.Override));
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task CheckForChangesAsync_ReportsNothing_WhenTableIsUnchanged(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var housekeeping = CreateHousekeeping(host);
        await housekeeping.CheckForChangesAsync(TestContext.Current.CancellationToken);

        var changed = await housekeeping.CheckForChangesAsync(TestContext.Current.CancellationToken);

        changed.ShouldBeFalse();
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task DropIdle_ForgetsUsersWithFullBuckets_AndKeepsUsersWhoSpentTokens(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var ben = await host.CreateUserAsync("ben");
        var limiter = host.Get<UserRateLimiter>();
        await limiter.GetLimitsAsync(ana, TestContext.Current.CancellationToken);
        await host.PostAsync(ben, Room.GeneralId, "spends a token");

        var dropped = limiter.DropIdle();

        dropped.ShouldBe(1);
        limiter.TrackedUsers.ShouldBe(1);
    }

    private static RateLimitHousekeeping CreateHousekeeping(ChatHost host) => new(
        host.Get<IDbContextFactory<ApplicationDbContext>>(),
        host.Get<RateLimitPolicyCache>(),
        host.Get<UserRateLimiter>(),
        new FakeTimeProvider(),
        NullLogger<RateLimitHousekeeping>.Instance);
}
