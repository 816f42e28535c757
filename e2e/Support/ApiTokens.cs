using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Domain.ApiTokens;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.ApiTokens;

namespace RealtimeApp.E2E.Support;

public static class ApiTokens
{
    /// <summary>Creates an API token for the user with <paramref name="email"/>, as the tokens page or CLI would.</summary>
    public static async Task<string> CreateTokenAsync(this KestrelAppFactory app, string email, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
        var created = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(user!.Id, name, expiresAt: null, [ApiScopes.All]);
        return created.Value!.Secret;
    }
}
