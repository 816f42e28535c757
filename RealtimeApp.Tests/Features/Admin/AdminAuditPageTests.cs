using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using RealtimeApp.Domain.Audit;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Features.Admin.Audit;
using RealtimeApp.Web.Features.Audit;

namespace RealtimeApp.Tests.Features.Admin;

public sealed class AdminAuditPageTests : BunitContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly RecordingAuditLog _log = new();

    public AdminAuditPageTests()
    {
        Services.AddMudServices();
        Services.AddSingleton<IAuditLog>(_log);
        JSInterop.Mode = JSRuntimeMode.Loose;
        AddAuthorization().SetAuthorized("admin@example.com").SetRoles(Roles.Admin);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void Page_ListsEntries_WithBeforeAndAfterAsText()
    {
        var page = Render<AdminAuditPage>();

        page.WaitForAssertion(() => page.Find("[aria-label='Audit entries']").TextContent.ShouldContain("user.locked"), Wait);
        var table = page.Find("[aria-label='Audit entries']");
        table.TextContent.ShouldContain("root@example.com");
        table.TextContent.ShouldContain("user:<b>ana</b>@example.com");
        table.QuerySelectorAll("b").ShouldBeEmpty();
        table.TextContent.ShouldContain("""{"locked":true}""");
    }

    [Fact]
    public void ActorFilter_IsPassedToTheQuery()
    {
        var page = Render<AdminAuditPage>();
        page.WaitForAssertion(() => _log.Queries.ShouldNotBeEmpty(), Wait);

        page.Find("input").Input("root@");

        page.WaitForAssertion(() => _log.Queries.ShouldContain(q => q.Actor == "root@" && q.Page == 0 && q.PageSize == 25), Wait);
    }

    [Fact]
    public void AddressFilter_IsPassedToTheQuery()
    {
        var page = Render<AdminAuditPage>();
        page.WaitForAssertion(() => _log.Queries.ShouldNotBeEmpty(), Wait);

        page.Find("input[placeholder^='sign-ins from']").Input("203.0.113.7");

        page.WaitForAssertion(() => _log.Queries.ShouldContain(q => q.Address == "203.0.113.7" && q.Page == 0), Wait);
    }

    private sealed class RecordingAuditLog : IAuditLog
    {
        private static readonly AuditEntry Entry = new()
        {
            Id = 1,
            At = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero),
            ActorUserId = "u-root",
            ActorEmail = "root@example.com",
            Action = AuditActions.UserLocked,
            Target = "user:<b>ana</b>@example.com",
            Before = """{"locked":false}""",
            After = """{"locked":true}""",
        };

        public List<AuditQuery> Queries { get; } = [];

        public Task WriteAsync(Actor actor, string action, string target, object? before = null, object? after = null, CancellationToken cancellationToken = default) =>
            Task.CompletedTask;

        public Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
        {
            lock (Queries)
            {
                Queries.Add(query);
            }

            return Task.FromResult(new AuditPage([Entry], 1));
        }
    }
}
