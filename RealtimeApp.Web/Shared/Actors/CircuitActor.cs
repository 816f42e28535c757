using Microsoft.AspNetCore.Components.Authorization;
using RealtimeApp.Domain.Users;

namespace RealtimeApp.Web.Shared.Actors;

/// <summary>The signed-in user of the current circuit, as an <see cref="Actor"/> for the feature services.</summary>
public sealed class CircuitActor(AuthenticationStateProvider authentication)
{
    public async Task<Actor> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return state.User.ToActor() ?? throw new InvalidOperationException("The circuit has no signed-in user.");
    }
}
