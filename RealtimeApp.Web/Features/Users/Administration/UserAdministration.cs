using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Audit;
using RealtimeApp.Web.Features.Sessions;

namespace RealtimeApp.Web.Features.Users.Administration;

/// <summary>
/// Admin → Users: list and search, create, roles, lock and unlock. Every operation opens its own DI scope, so a
/// long-lived circuit never reads through a stale Identity context. Role and lock changes are serialised on this
/// node so two admins cannot remove the last administrator between them.
/// </summary>
public sealed partial class UserAdministration(IServiceScopeFactory scopes, UserSessions sessions, EventHub hub, IAuditLog audit, TimeProvider time)
{
    public const int MaxPageSize = 100;

    private readonly SemaphoreSlim _changes = new(1, 1);

    public async Task<Result<UserPage>> ListAsync(Actor actor, UserQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (AdminOnly(actor) is { } refused)
        {
            return refused;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            users = users.WhereAnyContains(db, query.Search.Trim().ToUpperInvariant(), u => u.NormalizedEmail, u => u.NormalizedUserName);
        }

        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var total = await users.CountAsync(cancellationToken);
        var page = await users.OrderBy(u => u.NormalizedEmail).Skip(Math.Max(query.Page, 0) * pageSize).Take(pageSize)
            .Select(u => new { u.Id, u.Email, u.UserName, LockoutEnd = u.LockoutEnabled ? u.LockoutEnd : null })
            .ToListAsync(cancellationToken);
        var ids = page.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var rows = page.Select(u => new UserRow(
                u.Id,
                u.Email ?? u.UserName ?? u.Id,
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order(StringComparer.Ordinal).ToList(),
                u.LockoutEnd > now ? u.LockoutEnd : null,
                sessions.IsOnline(u.Id)))
            .ToList();
        return new UserPage(rows, total);
    }

    /// <summary>Checks a new account against Identity's email and password rules without creating it.</summary>
    public async Task<NewUserIssues> ValidateAsync(NewUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);

        await using var scope = scopes.CreateAsyncScope();
        return await ValidateAsync(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>(), user);
    }

    public async Task<Result<UserRow>> CreateAsync(Actor actor, NewUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (AdminOnly(actor) is { } refused)
        {
            return refused;
        }

        await using var scope = scopes.CreateAsyncScope();
        var issues = await ValidateAsync(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>(), user);
        if (issues.Any)
        {
            return Failure.Invalid(issues.Summary);
        }

        var email = user.Email!.Trim();
        var created = await scope.ServiceProvider.GetRequiredService<UserAccountService>().CreateAsync(email, user.Password!, user.Role!, cancellationToken);
        if (!created.Succeeded)
        {
            return Failure.Invalid(created.Error!);
        }

        var role = Roles.Find(user.Role)!;
        await audit.WriteAsync(actor, AuditActions.UserCreated, Target(email), before: null, after: new { Email = email, Roles = new[] { role } }, cancellationToken);
        return new UserRow(created.User!.Id, email, [role], LockedUntil: null, IsOnline: false);
    }

    private static async Task<NewUserIssues> ValidateAsync(UserManager<ApplicationUser> users, NewUser user)
    {
        var email = user.Email?.Trim();
        var candidate = new ApplicationUser { UserName = email, Email = email };
        var emailIssue = string.IsNullOrEmpty(email) ? "Enter an email address." : await FirstErrorAsync(users.UserValidators.Select(v => v.ValidateAsync(users, candidate)), skipUserNameErrors: true);
        var passwordIssue = string.IsNullOrEmpty(user.Password) ? "Enter a password." : await FirstErrorAsync(users.PasswordValidators.Select(v => v.ValidateAsync(users, candidate, user.Password)), skipUserNameErrors: false);
        var roleIssue = Roles.Find(user.Role) is null ? $"Choose {string.Join(" or ", Roles.All)}." : null;
        return new NewUserIssues(emailIssue, passwordIssue, roleIssue);
    }

    private static async Task<string?> FirstErrorAsync(IEnumerable<Task<IdentityResult>> validations, bool skipUserNameErrors)
    {
        var errors = new List<string>();
        foreach (var validation in validations)
        {
            var result = await validation;
            // The user name is the email, so Identity's user-name errors only repeat its email errors.
            errors.AddRange(result.Errors.Where(e => !skipUserNameErrors || !e.Code.Contains("UserName", StringComparison.Ordinal)).Select(e => e.Description));
        }

        return errors.Count == 0 ? null : string.Join(" ", errors);
    }

    private static Failure? AdminOnly(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsAdmin ? null : Failure.Forbidden("Only administrators can manage users.");
    }

    private static string Target(string email) => $"user:{email}";
}
