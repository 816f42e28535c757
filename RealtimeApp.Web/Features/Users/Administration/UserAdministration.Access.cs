using Microsoft.AspNetCore.Identity;
using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Audit;

namespace RealtimeApp.Web.Features.Users.Administration;

public sealed partial class UserAdministration
{
    public const string LastAdminMessage = "This is the last administrator who can sign in; make someone else an administrator first.";

    /// <summary>Gives (<paramref name="granted"/>) or takes away a role. A user keeps at least one role, and the last active administrator stays one.</summary>
    public Task<Result<UserRow>> SetRoleAsync(Actor actor, string userId, string role, bool granted, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, userId, cancellationToken, async (users, user, roles) =>
        {
            var canonical = Roles.Find(role);
            if (canonical is null)
            {
                return Failure.Invalid($"Unknown role '{role}'.");
            }

            if (roles.Contains(canonical) == granted)
            {
                return null;
            }

            if (!granted && roles.Count == 1)
            {
                return Failure.Invalid("Every user needs a role; give them the other one first.");
            }

            if (!granted && canonical == Roles.Admin && await IsLastActiveAdminAsync(users, user))
            {
                return Failure.Conflict(LastAdminMessage);
            }

            var changed = granted ? await users.AddToRoleAsync(user, canonical) : await users.RemoveFromRoleAsync(user, canonical);
            if (!changed.Succeeded)
            {
                return Failure.Invalid(string.Join(" ", changed.Errors.Select(e => e.Description)));
            }

            // The user's cookie and circuits carry the old roles: a new stamp makes the cookie pick up the new ones, and
            // every node ends the user's circuits and API connections, which come back with them.
            await users.UpdateSecurityStampAsync(user);
            hub.Publish(new UserAccessChanged(user.Id, UserAccessChange.RolesChanged));
            var after = granted ? roles.Append(canonical).Order(StringComparer.Ordinal).ToList() : roles.Where(r => r != canonical).ToList();
            await audit.WriteAsync(actor, granted ? AuditActions.RoleAdded : AuditActions.RoleRemoved, Target(user.Email!), new { Roles = roles }, new { Roles = after }, cancellationToken);
            return null;
        });

    /// <summary>Locks the account indefinitely and ends its circuits and API connections at once, on every node.</summary>
    public Task<Result<UserRow>> LockAsync(Actor actor, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, userId, cancellationToken, async (users, user, _) =>
        {
            if (user.Id == actor.UserId)
            {
                return Failure.Invalid("You cannot lock your own account.");
            }

            if (await users.IsInRoleAsync(user, Roles.Admin) && await IsLastActiveAdminAsync(users, user))
            {
                return Failure.Conflict(LastAdminMessage);
            }

            var wasLocked = await users.IsLockedOutAsync(user);
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            await users.UpdateSecurityStampAsync(user);
            hub.Publish(new UserAccessChanged(user.Id, UserAccessChange.Locked));
            await audit.WriteAsync(actor, AuditActions.UserLocked, Target(user.Email!), new { Locked = wasLocked }, new { Locked = true }, cancellationToken);
            return null;
        });

    public Task<Result<UserRow>> UnlockAsync(Actor actor, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, userId, cancellationToken, async (users, user, _) =>
        {
            var wasLocked = await users.IsLockedOutAsync(user);
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            hub.Publish(new UserAccessChanged(user.Id, UserAccessChange.Unlocked));
            await audit.WriteAsync(actor, AuditActions.UserUnlocked, Target(user.Email!), new { Locked = wasLocked }, new { Locked = false }, cancellationToken);
            return null;
        });

    private async Task<Result<UserRow>> ChangeAsync(
        Actor actor, string userId, CancellationToken cancellationToken,
        Func<UserManager<ApplicationUser>, ApplicationUser, IReadOnlyList<string>, Task<Failure?>> change)
    {
        if (AdminOnly(actor) is { } refused)
        {
            return refused;
        }

        await _changes.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                return Failure.NotFound("There is no such user.");
            }

            var roles = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
            if (await change(users, user, roles) is { } failure)
            {
                return failure;
            }

            return await RowAsync(users, user);
        }
        finally
        {
            _changes.Release();
        }
    }

    private async Task<UserRow> RowAsync(UserManager<ApplicationUser> users, ApplicationUser user)
    {
        var roles = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
        var lockoutEnd = user.LockoutEnabled && user.LockoutEnd > time.GetUtcNow() ? user.LockoutEnd : null;
        return new UserRow(user.Id, user.Email ?? user.Id, roles, lockoutEnd, sessions.IsOnline(user.Id));
    }

    private async Task<bool> IsLastActiveAdminAsync(UserManager<ApplicationUser> users, ApplicationUser user)
    {
        var now = time.GetUtcNow();
        var activeAdmins = (await users.GetUsersInRoleAsync(Roles.Admin))
            .Where(admin => !(admin.LockoutEnabled && admin.LockoutEnd > now))
            .Select(admin => admin.Id)
            .ToList();
        return activeAdmins.Count <= 1 && (activeAdmins.Count == 0 || activeAdmins[0] == user.Id);
    }
}
