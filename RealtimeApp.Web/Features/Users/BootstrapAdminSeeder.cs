using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Web.Features.Users;

/// <summary>Carries out the <see cref="BootstrapAdminPlan"/> on start-up.</summary>
public sealed class BootstrapAdminSeeder(
    UserManager<ApplicationUser> userManager,
    UserAccountService accounts,
    IOptions<BootstrapAdminOptions> options,
    ILogger<BootstrapAdminSeeder> logger)
{
    public async Task SeedAsync(TextWriter console, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var anyUserExists = await userManager.Users.AnyAsync(cancellationToken);
        var configuredUser = string.IsNullOrWhiteSpace(settings.AdminEmail) ? null : await userManager.FindByEmailAsync(settings.AdminEmail.Trim());

        switch (BootstrapAdminPlan.Decide(settings, anyUserExists, configuredUser is not null, () => PasswordGenerator.Generate()))
        {
            case BootstrapAdminPlan.EnsureAdmin when !await userManager.IsInRoleAsync(configuredUser!, Roles.Admin):
                await userManager.AddToRoleAsync(configuredUser!, Roles.Admin);
                logger.LogInformation("Bootstrap: {Email} was made an administrator", configuredUser!.Email);
                break;
            case BootstrapAdminPlan.Create create:
                await CreateAsync(create, console, cancellationToken);
                break;
        }
    }

    private async Task CreateAsync(BootstrapAdminPlan.Create plan, TextWriter console, CancellationToken cancellationToken)
    {
        var result = await accounts.CreateAsync(plan.Email, plan.Password, Roles.Admin, cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Bootstrap administrator {plan.Email} could not be created: {result.Error}");
        }

        logger.LogInformation("Bootstrap: administrator {Email} created", plan.Email);
        if (plan.PasswordWasGenerated)
        {
            await console.WriteLineAsync($"""

                ================================================================
                 RealtimeApp created the administrator account:
                   email:    {plan.Email}
                   password: {plan.Password}
                 This password is shown once. Sign in and change it.
                ================================================================

                """);
        }
    }
}
