using Microsoft.AspNetCore.Identity;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Web.Features.Users;

/// <summary>Creates accounts with a role and a seat in #general, all or nothing: a refused account leaves no row behind.</summary>
public sealed class UserAccountService(ApplicationDbContext db, UserManager<ApplicationUser> userManager, TimeProvider time)
{
    public async Task<UserCreationResult> CreateAsync(string email, string password, string role, CancellationToken cancellationToken = default)
    {
        var canonicalRole = Roles.Find(role);
        if (canonicalRole is null)
        {
            return UserCreationResult.Failed($"Unknown role '{role}'; expected {string.Join(" or ", Roles.All)}.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await userManager.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            // The user name is the email, so Identity's user-name errors only repeat its email errors.
            return UserCreationResult.Failed(created.Errors.Where(error => !error.Code.Contains("UserName", StringComparison.Ordinal)));
        }

        var assigned = await userManager.AddToRoleAsync(user, canonicalRole);
        if (!assigned.Succeeded)
        {
            return UserCreationResult.Failed(assigned.Errors);
        }

        // Everyone starts in #general, so a fresh install has somewhere to talk.
        db.RoomMemberships.Add(new RoomMembership { RoomId = Room.GeneralId, UserId = user.Id, JoinedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return UserCreationResult.Created(user);
    }
}
