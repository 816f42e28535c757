using Microsoft.AspNetCore.Identity;
using RealtimeApp.Domain.Users;

namespace RealtimeApp.Web.Features.Users;

/// <summary>Makes sure every role the app knows exists in the database.</summary>
public sealed class RoleSeeder(RoleManager<IdentityRole> roleManager)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                var result = await roleManager.CreateAsync(new IdentityRole(role));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create role {role}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
                }
            }
        }
    }
}
