using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.RateLimits;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Audit;

namespace RealtimeApp.Web.Features.RateLimits;

/// <summary>
/// Reads and changes the stored policies (admins only; the command line acts as an admin). Every change is validated
/// field by field, saved, then published as <see cref="RateLimitChanged"/> so every node reloads it at once; it
/// returns what was there before and after.
/// </summary>
public sealed class RateLimitPolicyService(
    IDbContextFactory<ApplicationDbContext> contexts,
    RateLimitPolicyCache policies,
    EventHub hub,
    IAuditLog audit,
    TimeProvider time)
{
    public async Task<Result<RateLimitDefaults>> GetDefaultsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (AdminOnly(actor) is { } refused)
        {
            return refused;
        }

        return (await policies.GetAsync(cancellationToken)).Defaults;
    }

    public async Task<Result<IReadOnlyList<UserRateLimits>>> ListOverridesAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (AdminOnly(actor) is { } refused)
        {
            return refused;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var userIds = await db.Set<RateLimitPolicy>().Where(p => p.UserId != null).Select(p => p.UserId!).ToListAsync(cancellationToken);
        var snapshot = await policies.GetAsync(cancellationToken);
        var users = new List<UserRateLimits>();
        foreach (var userId in userIds)
        {
            if (await DescribeAsync(db, snapshot, userId, cancellationToken) is { } user)
            {
                users.Add(user);
            }
        }

        return users.OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The user with <paramref name="email"/>: their override and effective limits.</summary>
    public async Task<Result<UserRateLimits>> FindUserAsync(Actor actor, string? email, CancellationToken cancellationToken = default)
    {
        if (AdminOnly(actor) is { } refused)
        {
            return refused;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var userId = await FindUserIdAsync(db, email, cancellationToken);
        var snapshot = await policies.GetAsync(cancellationToken);
        return userId is not null && await DescribeAsync(db, snapshot, userId, cancellationToken) is { } user
            ? user
            : Failure.NotFound($"There is no user with email '{email?.Trim()}'.");
    }

    public async Task<Result<RateLimitChange>> SetDefaultAsync(Actor actor, RateLimitSource role, RateLimitValues values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var notARole = role == RateLimitSource.Override ? Failure.Invalid("Overrides belong to a user; choose Staff, Admin or Api.") : null;
        if ((AdminOnly(actor) ?? notARole ?? Invalid(RateLimitRules.Validate(role, values))) is { } refused)
        {
            return refused;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var name = role.ToString();
        var row = await db.Set<RateLimitPolicy>().FirstOrDefaultAsync(p => p.Role == name, cancellationToken);
        var before = row?.ToValues();
        if (row is null)
        {
            row = new RateLimitPolicy { Role = name };
            db.Add(row);
        }

        Stamp(row, actor, values);
        await db.SaveChangesAsync(cancellationToken);
        Publish(new RateLimitChanged("default", null));
        await audit.WriteAsync(actor, AuditActions.RateLimitDefaultChanged, name, before, values, cancellationToken);
        return new RateLimitChange(name, before, values);
    }

    /// <summary>Replaces the user's override; null fields inherit, and an override with no field set is removed.</summary>
    public async Task<Result<RateLimitChange>> SetOverrideAsync(Actor actor, string userId, RateLimitValues values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if ((AdminOnly(actor) ?? Invalid(RateLimitRules.Validate(RateLimitSource.Override, values))) is { } refused)
        {
            return refused;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email ?? u.Id).FirstOrDefaultAsync(cancellationToken);
        if (email is null)
        {
            return Failure.NotFound("That user no longer exists.");
        }

        var row = await db.Set<RateLimitPolicy>().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        var before = row?.ToValues();
        if (values.IsEmpty)
        {
            if (row is not null)
            {
                db.Remove(row);
            }
        }
        else
        {
            if (row is null)
            {
                row = new RateLimitPolicy { UserId = userId };
                db.Add(row);
            }

            Stamp(row, actor, values);
        }

        await db.SaveChangesAsync(cancellationToken);
        Publish(new RateLimitChanged("user", userId));
        var after = values.IsEmpty ? null : values;
        await audit.WriteAsync(actor, AuditActions.RateLimitOverrideChanged, email, before, after, cancellationToken);
        return new RateLimitChange(email, before, after);
    }

    public Task<Result<RateLimitChange>> RemoveOverrideAsync(Actor actor, string userId, CancellationToken cancellationToken = default) =>
        SetOverrideAsync(actor, userId, RateLimitValues.Empty, cancellationToken);

    internal static async Task<string?> FindUserIdAsync(ApplicationDbContext db, string? email, CancellationToken cancellationToken)
    {
        var normalized = email?.Trim().ToUpperInvariant();
        return string.IsNullOrEmpty(normalized)
            ? null
            : await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
    }

    private static async Task<UserRateLimits?> DescribeAsync(ApplicationDbContext db, RateLimitSnapshot snapshot, string userId, CancellationToken cancellationToken)
    {
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email ?? u.Id).FirstOrDefaultAsync(cancellationToken);
        if (email is null)
        {
            return null;
        }

        var isAdmin = await db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name)
            .AnyAsync(name => name == Roles.Admin, cancellationToken);
        return new UserRateLimits(userId, email, isAdmin, snapshot.OverrideFor(userId), snapshot.Resolve(userId, isAdmin));
    }

    private void Stamp(RateLimitPolicy row, Actor actor, RateLimitValues values)
    {
        row.SetValues(values);
        row.UpdatedAt = time.GetUtcNow();
        row.UpdatedBy = actor.DisplayName;
    }

    private void Publish(RateLimitChanged change)
    {
        // This node reloads at once, even before the backplane delivers the event back.
        policies.Invalidate();
        hub.Publish(change);
    }

    private static Failure? AdminOnly(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsAdmin ? null : Failure.Forbidden("Only administrators can see or change rate limits.");
    }

    private static Failure? Invalid(IReadOnlyList<RateLimitFieldError> errors) =>
        errors.Count == 0 ? null : Failure.Invalid(string.Join(" ", errors.Select(e => e.Message)));
}
