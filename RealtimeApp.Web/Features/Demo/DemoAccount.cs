using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RealtimeApp.Domain.ApiTokens;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.ApiTokens;
using RealtimeApp.Web.Features.Users;

namespace RealtimeApp.Web.Features.Demo;

/// <summary>
/// The demo agents' account: a Staff user (created on the first start with a random password nobody knows, reused
/// after) and a fresh API token for this run; the previous run's demo token is revoked, so they do not pile up.
/// </summary>
public sealed class DemoAccount(IServiceScopeFactory scopes, ApiTokenService tokens, IOptions<DemoOptions> options)
{
    public const string TokenName = "demo agents";

    /// <summary>What the demo agents do and nothing more: report themselves, take commands, run tasks.</summary>
    public static IReadOnlyList<string> Scopes { get; } = [ApiScopes.AgentsReport, ApiScopes.TasksWrite];

    public async Task<string> CreateTokenAsync(CancellationToken cancellationToken)
    {
        var user = await EnsureUserAsync(cancellationToken);
        var owner = new Actor(user.Id, user.Email!, new HashSet<string> { Roles.Staff });
        foreach (var previous in (await tokens.ListAsync(owner, cancellationToken)).Where(t => t.Name == TokenName))
        {
            await tokens.RevokeAsync(owner, previous.Id, cancellationToken);
        }

        var created = await tokens.CreateAsync(user.Id, TokenName, expiresAt: null, Scopes, cancellationToken);
        return created.Value?.Secret ?? throw new InvalidOperationException($"The demo API token could not be created: {created.Failure!.Message}");
    }

    private async Task<ApplicationUser> EnsureUserAsync(CancellationToken cancellationToken)
    {
        var email = options.Value.UserEmail;
        await using var scope = scopes.CreateAsyncScope();
        var existing = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
        if (existing is not null)
        {
            return existing;
        }

        var created = await scope.ServiceProvider.GetRequiredService<UserAccountService>().CreateAsync(email, PasswordGenerator.Generate(), Roles.Staff, cancellationToken);
        return created.User ?? throw new InvalidOperationException($"The demo user {email} could not be created: {created.Error}");
    }
}
