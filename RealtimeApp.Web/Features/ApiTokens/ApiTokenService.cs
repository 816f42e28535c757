using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RealtimeApp.Domain.ApiTokens;
using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Audit;
using RealtimeApp.Web.Realtime.Connections;

namespace RealtimeApp.Web.Features.ApiTokens;

/// <summary>Creates, lists and revokes API tokens (the UI and the command line share it), and validates them for the API.</summary>
public sealed partial class ApiTokenService(
    IDbContextFactory<ApplicationDbContext> contexts,
    ApiConnectionRegistry connections,
    IAuditLog audit,
    EventHub hub,
    IOptions<ApiTokenOptions> options,
    TimeProvider time)
{
    public const string RevokedReason = "token revoked";

    /// <summary>
    /// Creates a token for <paramref name="userId"/> that may do what <paramref name="scopes"/> (<see cref="ApiScopes"/>)
    /// allow; the returned secret is never stored and cannot be shown again.
    /// </summary>
    public async Task<Result<CreatedApiToken>> CreateAsync(
        string userId, string? name, DateTimeOffset? expiresAt, IEnumerable<string> scopes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(scopes);

        var now = time.GetUtcNow();
        var (checkedName, nameError) = ApiTokenRules.CheckName(name);
        var (checkedScopes, scopeError) = ApiScopes.Check(scopes);
        var error = nameError ?? ApiTokenRules.CheckExpiry(expiresAt, now) ?? scopeError;
        if (error is not null)
        {
            return Failure.Invalid(error);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        if (email is null && !await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
        {
            return Failure.NotFound("No such user.");
        }

        var adminOnly = checkedScopes!.Intersect(ApiScopes.AdministratorsOnly).ToList();
        if (adminOnly.Count > 0 && !await IsAdministratorAsync(db, userId, cancellationToken))
        {
            return Failure.Forbidden($"Only an administrator's token may hold {string.Join(", ", adminOnly.Select(scope => $"'{scope}'"))}.");
        }

        // Unique among the owner's active tokens: a revoked or expired token's name may be reused.
        var taken = await db.ApiTokens
            .Where(t => t.UserId == userId && t.Name == checkedName && t.RevokedAt == null)
            .Select(t => t.ExpiresAt)
            .ToListAsync(cancellationToken);
        if (taken.Any(expiry => expiry is null || expiry > now))
        {
            return Failure.Conflict($"You already have an active token named '{checkedName}'.");
        }

        var secret = ApiTokenSecret.Generate();
        var token = new ApiToken
        {
            UserId = userId,
            Name = checkedName!,
            Prefix = ApiTokenSecret.PrefixOf(secret),
            Hash = ApiTokenSecret.Hash(secret),
            Scopes = ApiScopes.Join(checkedScopes!),
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiToken(secret, Summarize(token, email, now));
    }

    /// <summary>The actor's own tokens that are not revoked (active and expired), newest first.</summary>
    public async Task<IReadOnlyList<ApiTokenSummary>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return await ListWhereAsync(t => t.UserId == actor.UserId, cancellationToken);
    }

    /// <summary>Every user's tokens that are not revoked, with the owner's email; administrators only.</summary>
    public async Task<Result<ApiTokenSummary[]>> ListAllAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsAdmin
            ? await ListWhereAsync(_ => true, cancellationToken)
            : Failure.Forbidden("Only administrators can see everyone's tokens.");
    }

    /// <summary>Revokes a token (its owner or an administrator) and closes the connections that use it, on every node.</summary>
    public async Task<Result<ApiTokenSummary>> RevokeAsync(Actor actor, int tokenId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId, cancellationToken);
        if (token is null)
        {
            return Failure.NotFound("No such token.");
        }

        if (token.UserId != actor.UserId && !actor.IsAdmin)
        {
            return Failure.Forbidden("You can only revoke your own tokens.");
        }

        var now = time.GetUtcNow();
        var newlyRevoked = token.RevokedAt is null;
        if (newlyRevoked)
        {
            token.RevokedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        Forget(tokenId);
        hub.Publish(new ApiTokenRevoked(token.UserId, tokenId));
        var email = await db.Users.Where(u => u.Id == token.UserId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        if (newlyRevoked)
        {
            await audit.WriteAsync(actor, AuditActions.TokenRevoked, $"token:{token.Prefix} ({email ?? token.UserId})",
                new { token.Name, token.Prefix, Owner = email, Status = "active" }, new { token.Name, token.Prefix, Owner = email, Status = "revoked" }, cancellationToken);
        }

        return Summarize(token, email, now);
    }

    /// <summary>
    /// Stops accepting a revoked token on this node and closes its connections here: at once where it was revoked, and
    /// on every other node when its <see cref="ApiTokenRevoked"/> arrives (<see cref="ApiTokenRevocations"/>).
    /// </summary>
    public void Forget(int tokenId)
    {
        _validated.Clear();
        connections.CloseWhere(user => user.GetTokenId() == tokenId, RevokedReason);
    }

    private async Task<ApiTokenSummary[]> ListWhereAsync(
        System.Linq.Expressions.Expression<Func<ApiToken, bool>> filter, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.ApiTokens.AsNoTracking()
            .Where(filter)
            .Where(t => t.RevokedAt == null)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, u.Email })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return rows
            .Select(row => Summarize(row.Token, row.Email, now))
            .OrderByDescending(t => t.CreatedAt)
            .ThenByDescending(t => t.Id)
            .ToArray();
    }

    private static Task<bool> IsAdministratorAsync(ApplicationDbContext db, string userId, CancellationToken cancellationToken) =>
        db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name)
            .AnyAsync(name => name == Roles.Admin, cancellationToken);

    internal static ApiTokenSummary Summarize(ApiToken token, string? email, DateTimeOffset now) => new(
        token.Id, token.UserId, email, token.Name, token.Prefix, ApiScopes.Split(token.Scopes), token.CreatedAt, token.ExpiresAt, token.LastUsedAt,
        token.RevokedAt is not null ? ApiTokenStatus.Revoked : token.IsActiveAt(now) ? ApiTokenStatus.Active : ApiTokenStatus.Expired);
}
