using System.Diagnostics.Metrics;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Features.Admin.Dashboard;
using RealtimeApp.Web.Features.Audit;
using RealtimeApp.Web.Features.Chat;
using RealtimeApp.Web.Features.Operations;
using RealtimeApp.Web.Features.Sessions;
using RealtimeApp.Web.Realtime;
using RealtimeApp.Web.Realtime.Connections;
using RealtimeApp.Web.Shared.Actors;

namespace RealtimeApp.Tests.Features.Admin;

public sealed class AdminDashboardPageTests : BunitContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MetricsSampler _sampler;
    private readonly ConnectionMetrics _connections;
    private readonly ChatMetrics _chat;
    private readonly CircuitRegistry _circuits = new();

    public AdminDashboardPageTests()
    {
        var factory = _meters.GetRequiredService<IMeterFactory>();
        _sampler = new MetricsSampler(factory, _time);
        _connections = new ConnectionMetrics(factory);
        _chat = new ChatMetrics(factory);
        Services.AddMudServices();
        Services.AddSingleton(_sampler);
        Services.AddSingleton<TimeProvider>(_time);
        Services.AddSingleton(_circuits);
        Services.AddSingleton<ApiConnectionRegistry>();
        Services.AddSingleton<IAuditLog, NoAuditLog>();
        Services.AddSingleton<UserSessions>();
        Services.AddScoped<CircuitActor>();
        JSInterop.Mode = JSRuntimeMode.Loose;
        AddAuthorization().SetAuthorized("admin@example.com").SetRoles(Roles.Admin);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void Page_ShowsTheLatestSample_WhenRendered()
    {
        _connections.CircuitOpened();
        _connections.CircuitOpened();
        _connections.ApiConnectionOpened();
        _sampler.Sample();

        var page = Render<AdminDashboardPage>();

        Figure(page, "Active circuits").ShouldBe("2");
        Figure(page, "API connections").ShouldBe("1");
        Figure(page, "Throttled/s").ShouldBe("0");
        page.FindAll("svg").ShouldNotBeEmpty();
    }

    [Fact]
    public void Page_UpdatesEverySecond_WithoutReloading()
    {
        _sampler.Sample();
        var page = Render<AdminDashboardPage>();
        Figure(page, "Messages in/s").ShouldBe("0");

        _circuits.Add(new CircuitSession("c1", "u-ana", "ana@example.com", "10.0.0.7", _time.GetUtcNow(), () => 3, () => { }));
        for (var i = 0; i < 4; i++)
        {
            _chat.MessagePosted("dev");
        }

        _time.Advance(TimeSpan.FromSeconds(2));
        _sampler.Sample();
        _time.Advance(TimeSpan.FromSeconds(1));

        page.WaitForAssertion(() => Figure(page, "Messages in/s").ShouldBe("2"), Wait);
        page.Find("[aria-label='Room activity']").TextContent.ShouldContain("#dev");
        var connections = page.Find("[aria-label='Connections']").TextContent;
        connections.ShouldContain("ana@example.com");
        connections.ShouldContain("circuit");
        connections.ShouldContain("10.0.0.7");
    }

    [Fact]
    public async Task Page_StopsItsTimer_WhenDisposed()
    {
        var page = Render<AdminDashboardPage>();
        var renders = page.RenderCount;

        await DisposeComponentsAsync();
        _time.Advance(TimeSpan.FromSeconds(5));

        page.RenderCount.ShouldBe(renders);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        _sampler.Dispose();
        await _meters.DisposeAsync();
    }

    private static string Figure(IRenderedComponent<AdminDashboardPage> page, string label) =>
        page.Find($"[aria-label='{label}']").TextContent.Trim();

    private sealed class NoAuditLog : IAuditLog
    {
        public Task WriteAsync(Actor actor, string action, string target, object? before = null, object? after = null, CancellationToken cancellationToken = default) =>
            Task.CompletedTask;

        public Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default) =>
            Task.FromResult(new AuditPage([], 0));
    }
}
