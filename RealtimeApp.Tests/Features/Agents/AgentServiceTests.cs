using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RealtimeApp.Domain.Agents;
using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Agents;

namespace RealtimeApp.Tests.Features.Agents;

/// <remarks>Runs on each engine: <see cref="AgentServiceOnSqliteTests"/> and <see cref="AgentServiceOnPostgresTests"/>.</remarks>
public abstract class AgentServiceTests(DatabaseProvider engine) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly ConcurrentQueue<AgentStatusChanged> _published = new();
    private ChatHost _host = null!;
    private IDisposable _subscription = null!;

    private IDbContextFactory<ApplicationDbContext> Contexts => _host.Get<IDbContextFactory<ApplicationDbContext>>();

    private AgentService Agents => new(Contexts, _host.Get<AgentEvents>(), _time);

    public async ValueTask InitializeAsync()
    {
        _host = await ChatHost.StartAsync(engine);
        _subscription = _host.Get<EventHub>().Subscribe<AgentStatusChanged>(Topics.Agents, _published.Enqueue);
    }

    public async ValueTask DisposeAsync()
    {
        _subscription.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Report_CreatesAgentAndPublishesItsStatus()
    {
        var owner = await _host.CreateUserAsync("owner");

        var view = await Agents.ReportAsync(owner, new AgentReport("builder-1", "active", "Builder", "task-1", 40, "1.2.0"), TestContext.Current.CancellationToken);

        view.Value!.ShouldBe(new AgentView("builder-1", "Builder", "active", "task-1", 40, _time.GetUtcNow(), "1.2.0"));
        _published.Single().ShouldBe(new AgentStatusChanged("builder-1", "active", "task-1", 40, _time.GetUtcNow()));
    }

    [Fact]
    public async Task Report_IsForbidden_WhenAgentBelongsToSomeoneElse()
    {
        var owner = await _host.CreateUserAsync("owner");
        var other = await _host.CreateUserAsync("other");
        var admin = await _host.CreateUserAsync("boss", admin: true);
        await Agents.ReportAsync(owner, new AgentReport("builder-1", "idle"), TestContext.Current.CancellationToken);

        var refused = await Agents.ReportAsync(other, new AgentReport("builder-1", "active"), TestContext.Current.CancellationToken);
        var allowed = await Agents.ReportAsync(admin, new AgentReport("builder-1", "active"), TestContext.Current.CancellationToken);

        refused.Failure!.Kind.ShouldBe(FailureKind.Forbidden);
        allowed.Succeeded.ShouldBeTrue();
    }

    [Theory]
    [InlineData("bad id", "idle", 10)]
    [InlineData("builder-1", "sleeping", 10)]
    [InlineData("builder-1", "active", 101)]
    public async Task Report_RefusesBadInput_AndStoresNothing(string agentId, string status, int progress)
    {
        var owner = await _host.CreateUserAsync("owner");

        var refused = await Agents.ReportAsync(owner, new AgentReport(agentId, status, Progress: progress), TestContext.Current.CancellationToken);

        refused.Failure!.Kind.ShouldBe(FailureKind.Invalid);
        (await Agents.ListAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
        _published.ShouldBeEmpty();
    }

    [Fact]
    public async Task Sweep_MarksSilentAgentOffline_OnlyAfterThreshold()
    {
        var owner = await _host.CreateUserAsync("owner");
        await Agents.ReportAsync(owner, new AgentReport("builder-1", "active"), TestContext.Current.CancellationToken);
        var sweeper = new AgentOfflineSweeper(Contexts, _host.Get<AgentEvents>(), Options.Create(new AgentOptions { OfflineAfterSeconds = 30 }), _time, NullLogger<AgentOfflineSweeper>.Instance);

        _time.Advance(TimeSpan.FromSeconds(29));
        var early = await sweeper.SweepAsync(TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromSeconds(1));
        var due = await sweeper.SweepAsync(TestContext.Current.CancellationToken);

        early.ShouldBeEmpty();
        due.ShouldBe(["builder-1"]);
        _published.Last().Status.ShouldBe("offline");
        await using var db = await _host.OpenDbAsync();
        (await db.AgentStatusHistory.Where(e => e.AgentId == "builder-1").Select(e => e.Status).ToListAsync(TestContext.Current.CancellationToken))
            .ShouldBe([AgentStatus.Active, AgentStatus.Offline]);
    }

    [Fact]
    public async Task PendingCommands_StayUntilTheAgentAcknowledgesThem()
    {
        var owner = await _host.CreateUserAsync("owner");
        await Agents.ReportAsync(owner, new AgentReport("builder-1", "active"), TestContext.Current.CancellationToken);
        var commands = _host.Get<AgentCommands>();
        await using (var db = await _host.OpenDbAsync())
        {
            commands.Add(db, "builder-1", AgentCommand.Cancel, "task-1", owner.UserId);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var pending = await commands.PendingAsync("builder-1", TestContext.Current.CancellationToken);
        await Agents.ReportAsync(owner, new AgentReport("builder-1", AcknowledgedCommandIds: [pending[0].Id]), TestContext.Current.CancellationToken);

        pending.Select(c => (c.Kind, c.TaskId)).ShouldBe([(AgentCommand.Cancel, "task-1")]);
        (await commands.PendingAsync("builder-1", TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }
}

public sealed class AgentServiceOnSqliteTests() : AgentServiceTests(DatabaseProvider.Sqlite);

public sealed class AgentServiceOnPostgresTests() : AgentServiceTests(DatabaseProvider.Postgres);
