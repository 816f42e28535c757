using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.RateLimits;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Features.RateLimits.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Audit;
using RealtimeApp.Web.Features.RateLimits;

namespace RealtimeApp.Tests.Features.RateLimits;

public sealed class RateLimitPolicyServiceTests
{
    private static readonly RealtimeApp.Domain.Users.Actor Admin = RateLimitSettings.Administrator;

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task GetDefaultsAsync_ReturnsSeededApiAndStaffDefaults_WhenOnlyMessageBudgetsWereSet(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine, messagesPerMinute: 30);

        var defaults = await host.Get<RateLimitPolicyService>().GetDefaultsAsync(Admin, TestContext.Current.CancellationToken);

        defaults.Value!.Api.ShouldBe(RateLimitDefaults.Seed.Api);
        defaults.Value.Staff.ShouldBe(RateLimitDefaults.Seed.Staff);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task SetOverrideAsync_ReturnsBeforeAndAfterAndPublishes_WhenValuesAreValid(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var published = new List<RateLimitChanged>();
        using var subscription = host.Get<EventHub>().Subscribe<RateLimitChanged>(Topics.RateLimits, published.Add);
        var policies = host.Get<RateLimitPolicyService>();
        await policies.SetOverrideAsync(Admin, ana.UserId, new RateLimitValues(MessagesPerMinute: 5), TestContext.Current.CancellationToken);

        var changed = await policies.SetOverrideAsync(Admin, ana.UserId, new RateLimitValues(Burst: 7), TestContext.Current.CancellationToken);

        changed.Value.ShouldBe(new RateLimitChange("ana@example.com", new RateLimitValues(MessagesPerMinute: 5), new RateLimitValues(Burst: 7)));
        published.ShouldBe([new RateLimitChanged("user", ana.UserId), new RateLimitChanged("user", ana.UserId)]);
        var found = await policies.FindUserAsync(Admin, "ANA@example.com", TestContext.Current.CancellationToken);
        found.Value!.Effective.Burst.ShouldBe(new EffectiveLimit(7, RateLimitSource.Override));
        found.Value.Effective.MessagesPerMinute.Source.ShouldBe(RateLimitSource.Staff);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task SetOverrideAndSetDefault_WriteAuditEntriesWithBeforeAndAfter_WhenSaved(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var policies = host.Get<RateLimitPolicyService>();
        await policies.SetOverrideAsync(Admin, ana.UserId, new RateLimitValues(MessagesPerMinute: 2), TestContext.Current.CancellationToken);
        await policies.SetDefaultAsync(Admin, RateLimitSource.Staff, RateLimitDefaults.Seed.Staff with { MessagesPerMinute = 40 }, TestContext.Current.CancellationToken);

        var entries = (await host.Get<IAuditLog>().QueryAsync(new AuditQuery(), TestContext.Current.CancellationToken)).Entries;

        var overrideEntry = entries.Single(e => e.Action == AuditActions.RateLimitOverrideChanged);
        overrideEntry.Target.ShouldBe("ana@example.com");
        overrideEntry.Before.ShouldBeNull();
        overrideEntry.After!.ShouldContain("\"messagesPerMinute\":2");
        var defaultEntry = entries.First(e => e.Action == AuditActions.RateLimitDefaultChanged); // newest first; the host set defaults at start too
        defaultEntry.Target.ShouldBe("Staff");
        defaultEntry.Before.ShouldNotBeNull();
        defaultEntry.After!.ShouldContain("\"messagesPerMinute\":40");
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task SetOverrideAsync_SavesNothing_WhenAValueIsOutOfRange(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var policies = host.Get<RateLimitPolicyService>();

        var refused = await policies.SetOverrideAsync(Admin, ana.UserId, new RateLimitValues(MessagesPerMinute: 10, Burst: 0), TestContext.Current.CancellationToken);

        refused.Failure.ShouldBe(Failure.Invalid("Burst must be a whole number from 1 to 10,000,000."));
        (await policies.FindUserAsync(Admin, "ana@example.com", TestContext.Current.CancellationToken)).Value!.Override.ShouldBeNull();
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task SetDefaultAsync_RefusesAndKeepsDefault_WhenRequiredFieldIsEmpty(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine, messagesPerMinute: 30);
        var policies = host.Get<RateLimitPolicyService>();

        var refused = await policies.SetDefaultAsync(Admin, RateLimitSource.Staff, RateLimitValues.Empty, TestContext.Current.CancellationToken);

        refused.Failure.ShouldBe(Failure.Invalid("Messages per minute is required."));
        (await policies.GetDefaultsAsync(Admin, TestContext.Current.CancellationToken)).Value!.Staff.MessagesPerMinute.ShouldBe(30);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task SetDefaultAsync_IsForbidden_WhenActorIsNotAdmin(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");

        var refused = await host.Get<RateLimitPolicyService>().SetDefaultAsync(ana, RateLimitSource.Api, RateLimitDefaults.Seed.Api, TestContext.Current.CancellationToken);

        refused.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Forbidden);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task RemoveOverrideAsync_ReturnsToRoleDefaults_WhenUserHadAnOverride(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine, messagesPerMinute: 30);
        var ana = await host.CreateUserAsync("ana");
        var policies = host.Get<RateLimitPolicyService>();
        await policies.SetOverrideAsync(Admin, ana.UserId, new RateLimitValues(MessagesPerMinute: 5), TestContext.Current.CancellationToken);

        var removed = await policies.RemoveOverrideAsync(Admin, ana.UserId, TestContext.Current.CancellationToken);

        removed.Value.ShouldBe(new RateLimitChange("ana@example.com", new RateLimitValues(MessagesPerMinute: 5), null));
        (await policies.ListOverridesAsync(Admin, TestContext.Current.CancellationToken)).Value.ShouldBeEmpty();
        (await host.Get<UserRateLimiter>().GetLimitsAsync(ana, TestContext.Current.CancellationToken)).MessagesPerMinute
            .ShouldBe(new EffectiveLimit(30, RateLimitSource.Staff));
    }
}
