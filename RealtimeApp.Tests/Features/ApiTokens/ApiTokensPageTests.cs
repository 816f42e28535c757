using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Features.ApiTokens;
using RealtimeApp.Web.Shared.Actors;

namespace RealtimeApp.Tests.Features.ApiTokens;

/// <summary>The page against the real service and database; like <c>ShellTestContext</c>, with the feature's services registered first.</summary>
public sealed class ApiTokensPageTests : BunitContext, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly ApiTokenAppHost _host = new();
    private readonly BunitAuthorizationContext _authorization;
    private Actor _ana = null!;

    public ApiTokensPageTests()
    {
        Services.AddMudServices();
        Services.AddSingleton(_ => _host.Tokens);
        Services.AddSingleton<TimeProvider>(_host.Time);
        Services.AddScoped<CircuitActor>();
        JSInterop.Mode = JSRuntimeMode.Loose;
        _authorization = AddAuthorization();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public async ValueTask InitializeAsync()
    {
        _ana = await _host.CreateStaffAsync("ana@example.com");
        _authorization.SetAuthorized("ana@example.com");
        _authorization.SetRoles(Roles.Staff);
        _authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, _ana.UserId));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Create_ShowsTheTokenOnce_AndListsIt()
    {
        var page = Render<ApiTokensPage>();
        page.WaitForAssertion(() => page.Find("[aria-label='My API tokens']"), Wait);

        page.Find("input").Input("deploy bot");
        Choose(page, "chat:write");
        Choose(page, "tasks:read");
        await page.Find("button:contains('Create token')").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[aria-label='New API token']").TextContent.ShouldContain("will not be shown again"), Wait);
        var secret = page.Find("[aria-label='New API token'] input").GetAttribute("value")!;
        ApiTokenSecret.IsWellFormed(secret).ShouldBeTrue();
        page.Find("[aria-label='My API tokens']").TextContent.ShouldContain("deploy bot");
        page.Find("[aria-label='My API tokens'] td[data-label='Scopes']").TextContent.ShouldBe("chat:write, tasks:read");
        var again = Render<ApiTokensPage>();
        again.WaitForAssertion(() => again.Find("[aria-label='My API tokens']").TextContent.ShouldContain("deploy bot"), Wait);
        again.Markup.ShouldNotContain(secret);
    }

    [Fact]
    public async Task Create_ShowsFieldError_WhenNameIsTaken()
    {
        await _host.CreateTokenAsync(_ana, "ci");
        var page = Render<ApiTokensPage>();
        page.WaitForAssertion(() => page.Find("[aria-label='My API tokens']").TextContent.ShouldContain("ci"), Wait);

        page.Find("input").Input("ci");
        Choose(page, "chat:read");
        await page.Find("button:contains('Create token')").ClickAsync(new());

        page.WaitForAssertion(() => page.Find(".mud-input-helper-text.mud-input-error").TextContent.ShouldContain("You already have an active token named"), Wait);
        page.FindAll("[aria-label='New API token']").ShouldBeEmpty();
    }

    [Fact]
    public async Task Create_ShowsAScopeMessage_AndCreatesNothing_WhenNoScopeIsChosen()
    {
        var page = Render<ApiTokensPage>();
        page.WaitForAssertion(() => page.Find("[aria-label='My API tokens']"), Wait);

        page.Find("input").Input("deploy bot");
        await page.Find("button:contains('Create token')").ClickAsync(new());

        page.WaitForAssertion(() => page.Find(".token-scopes [role='alert']").TextContent.ShouldBe("Choose at least one scope."), Wait);
        page.FindAll("[aria-label='New API token']").ShouldBeEmpty();
        (await _host.Tokens.ListAsync(_ana, Xunit.TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }

    [Fact]
    public void Form_OffersEveryScopeButTheAdministratorsOnes_ToAStaffMember()
    {
        var page = Render<ApiTokensPage>();
        page.WaitForAssertion(() => page.Find("[aria-label='My API tokens']"), Wait);

        var offered = page.FindAll(".token-scopes label").Select(label => label.TextContent.Trim().Split(':', 3) switch
        {
            [var resource, var level, _] => $"{resource}:{level}",
            [var single, _] => single,
            _ => label.TextContent,
        }).ToList();

        offered.ShouldBe(["all", "rooms:read", "chat:read", "chat:write", "tasks:read", "tasks:write", "agents:report", "agents:read"]);
    }

    [Fact]
    public async Task Revoke_RemovesTheToken_AfterConfirmation()
    {
        await _host.CreateTokenAsync(_ana, "old script");
        var dialogs = Render<MudDialogProvider>();
        var page = Render<ApiTokensPage>();
        page.WaitForAssertion(() => page.Find("[aria-label='My API tokens']").TextContent.ShouldContain("old script"), Wait);

        // Not awaited: the click's handler waits for the confirmation dialog.
        var revoking = page.Find("button[aria-label='Revoke old script']").ClickAsync(new());
        dialogs.WaitForAssertion(() => dialogs.Find("button:contains('Revoke')"), Wait);
        await dialogs.Find("button:contains('Revoke')").ClickAsync(new());
        await revoking.WaitAsync(Wait, Xunit.TestContext.Current.CancellationToken);

        page.WaitForAssertion(() => page.Find("[aria-label='My API tokens']").TextContent.ShouldNotContain("old script"), Wait);
        (await _host.Tokens.ListAsync(_ana, Xunit.TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }

    private static void Choose(IRenderedComponent<ApiTokensPage> page, string scope) =>
        page.FindAll(".token-scopes label").Single(label => label.TextContent.Trim().StartsWith(scope + ":", StringComparison.Ordinal))
            .QuerySelector("input[type=checkbox]")!.Change(true);
}
