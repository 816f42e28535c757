using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Features.Admin.Users;
using RealtimeApp.Web.Features.Users.Administration;
using RealtimeApp.Web.Shared.Actors;

namespace RealtimeApp.Tests.Features.Admin;

/// <summary>The form against the real <see cref="UserAdministration"/> and database, signed in as the bootstrap admin.</summary>
public sealed class CreateUserFormTests : BunitContext, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly RealtimeAppFactory _factory = new();
    private readonly BunitAuthorizationContext _authorization;

    public CreateUserFormTests()
    {
        Services.AddMudServices();
        Services.AddSingleton(_ => _factory.Services.GetRequiredService<UserAdministration>());
        Services.AddScoped<CircuitActor>();
        JSInterop.Mode = JSRuntimeMode.Loose;
        _authorization = AddAuthorization();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public async ValueTask InitializeAsync()
    {
        var adminId = await _factory.WithUserManagerAsync(async users => (await users.FindByEmailAsync(RealtimeAppFactory.AdminEmail))!.Id);
        await _factory.CreateUserAsync("ana@example.com", "Ana#Pass1", Roles.Staff);
        _authorization.SetAuthorized(RealtimeAppFactory.AdminEmail);
        _authorization.SetRoles(Roles.Admin);
        _authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, adminId));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Create_ShowsIdentityMessagesUnderTheirFields_WhenInputBreaksTheRules()
    {
        UserRow? created = null;
        var form = Render<CreateUserForm>(p => p.Add(f => f.OnCreated, (UserRow row) => created = row));

        form.FindAll("input")[0].Change("ana@example.com");
        form.FindAll("input")[1].Change("short");
        await form.Find("button:contains('Create user')").ClickAsync(new());

        form.WaitForAssertion(() => ErrorTexts(form).Count.ShouldBe(2), Wait);
        ErrorTexts(form)[0].ShouldContain("'ana@example.com' is already taken");
        ErrorTexts(form)[1].ShouldContain("at least 6 characters");
        created.ShouldBeNull();
    }

    [Fact]
    public async Task Create_CreatesTheUserAndClearsTheForm_WhenInputIsValid()
    {
        UserRow? created = null;
        var form = Render<CreateUserForm>(p => p.Add(f => f.OnCreated, (UserRow row) => created = row));

        form.FindAll("input")[0].Change("cleo@example.com");
        form.FindAll("input")[1].Change("Cleo#Pass1");
        await form.Find("button:contains('Create user')").ClickAsync(new());

        form.WaitForAssertion(() => created.ShouldNotBeNull().Email.ShouldBe("cleo@example.com"), Wait);
        created!.Roles.ShouldBe([Roles.Staff]);
        ErrorTexts(form).ShouldBeEmpty();
        form.FindAll("input")[0].GetAttribute("value").ShouldBeNullOrEmpty();
    }

    private static List<string> ErrorTexts(IRenderedComponent<CreateUserForm> form) =>
        form.FindAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent).Where(t => t.Length > 0).ToList();
}
