using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Tests.Features.Users.Administration;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Features.Audit;
using RealtimeApp.Web.Features.Sessions;

namespace RealtimeApp.Tests.Features.Sessions;

public sealed class LockEndsSessionsTests : UserAdministrationTestBase
{
    [Fact]
    public async Task LockAsync_SignsOutTheUsersCircuits()
    {
        await using var circuit = await OpenCircuitAsync(Ana.UserId, AnaEmail, "circuit-1");
        var registry = Factory.Services.GetRequiredService<CircuitRegistry>();
        registry.IsOnline(Ana.UserId).ShouldBeTrue();

        await Users.LockAsync(Admin, Ana.UserId, Ct);

        var state = await circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync();
        state.User.Identity?.IsAuthenticated.ShouldNotBe(true);
    }

    [Fact]
    public async Task LockAsync_LeavesOtherUsersCircuitsSignedIn()
    {
        await using var circuit = await OpenCircuitAsync(Admin.UserId, Admin.DisplayName, "circuit-admin");

        await Users.LockAsync(Admin, Ana.UserId, Ct);

        var state = await circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync();
        state.User.Identity?.IsAuthenticated.ShouldBe(true);
    }

    [Fact]
    public async Task LockedUsersCookie_NoLongerAuthorizesRequests()
    {
        var browser = BrowserlessClient.For(Factory);
        await browser.LogInSuccessfullyAsync(AnaEmail, AnaPassword);
        (await browser.Http.GetAsync("/chat", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await Users.LockAsync(Admin, Ana.UserId, Ct);

        var response = await browser.Http.GetAsync("/chat", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task DisconnectAsync_EndsTheCircuitAndAudits()
    {
        await using var circuit = await OpenCircuitAsync(Ana.UserId, AnaEmail, "circuit-2");
        var sessions = Factory.Services.GetRequiredService<UserSessions>();
        sessions.List().ShouldContain(c => c.Id == "circuit-2" && c.Kind == ConnectionKind.Circuit && c.UserName == AnaEmail);

        var disconnected = await sessions.DisconnectAsync(Admin, ConnectionKind.Circuit, "circuit-2", Ct);

        disconnected.Failure.ShouldBeNull();
        var state = await circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync();
        state.User.Identity?.IsAuthenticated.ShouldNotBe(true);
        var entry = (await AuditEntriesAsync(AuditActions.ConnectionDisconnected)).ShouldHaveSingleItem();
        entry.Target.ShouldBe($"circuit:{AnaEmail}");
    }

    /// <summary>A DI scope set up as Blazor sets up a circuit's: the signed-in user, then the circuit handlers' open.</summary>
    private async Task<AsyncServiceScope> OpenCircuitAsync(string userId, string email, string circuitId)
    {
        var scope = Factory.Services.CreateAsyncScope();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Name, email)], "Identity.Application"));
        var provider = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        var handler = scope.ServiceProvider.GetServices<CircuitHandler>().OfType<SessionCircuitHandler>().Single();
        await handler.RegisterAsync(circuitId);
        return scope;
    }
}
