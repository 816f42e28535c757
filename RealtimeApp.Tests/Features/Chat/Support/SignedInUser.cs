using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using RealtimeApp.Domain.Users;

namespace RealtimeApp.Tests.Features.Chat.Support;

/// <summary>The circuit's authentication state: the <see cref="Actor"/> the test signed in, as cookie sign-in would give it.</summary>
public sealed class SignedInUser : AuthenticationStateProvider
{
    private ClaimsPrincipal _user = new(new ClaimsIdentity());

    public void SignIn(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);

        Claim[] claims =
        [
            new(ClaimTypes.NameIdentifier, actor.UserId),
            new(ClaimTypes.Name, actor.DisplayName),
            .. actor.Roles.Select(role => new Claim(ClaimTypes.Role, role)),
        ];
        _user = new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType: "Test"));
        NotifyAuthenticationStateChanged(GetAuthenticationStateAsync());
    }

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(_user));
}
