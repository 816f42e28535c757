using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using RealtimeApp.Domain.Realtime;

namespace RealtimeApp.Web.Features.Sessions;

/// <summary>
/// Registers the circuit of a signed-in user in the <see cref="CircuitRegistry"/> while it lives. Ending it replaces the
/// circuit's user with an anonymous one: the router then sends the tab to the sign-in page with a full reload.
/// </summary>
public sealed class SessionCircuitHandler(
    CircuitRegistry registry,
    AuthenticationStateProvider authentication,
    EventAggregator aggregator,
    IHttpContextAccessor httpContext,
    TimeProvider time) : CircuitHandler
{
    private static readonly AuthenticationState Anonymous = new(new ClaimsPrincipal(new ClaimsIdentity()));

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken) => RegisterAsync(circuit.Id);

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        registry.Remove(circuit.Id);
        return Task.CompletedTask;
    }

    internal async Task RegisterAsync(string circuitId)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return;
        }

        registry.Add(new CircuitSession(
            circuitId,
            userId,
            user.Identity?.Name ?? userId,
            httpContext.HttpContext?.Connection.RemoteIpAddress?.ToString(),
            time.GetUtcNow(),
            () => aggregator.SubscriptionCount,
            SignOut));
    }

    private void SignOut()
    {
        if (authentication is IHostEnvironmentAuthenticationStateProvider host)
        {
            host.SetAuthenticationState(Task.FromResult(Anonymous));
        }
    }
}
