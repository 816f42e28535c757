using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.ApiTokens;
using RealtimeApp.Domain.Common;

namespace RealtimeApp.Web.Features.ApiTokens;

/// <summary>Validation of a presented secret: the API's authentication, once per WebSocket connection or HTTP request.</summary>
public sealed partial class ApiTokenService
{
    private readonly ValidatedTokens _validated = new(time);

    public const string InvalidReason = "invalid token";
    public const string ExpiredReason = "token expired";
    public const string LockedOutReason = "account locked";

    /// <summary>
    /// The principal of a valid token (claims NameIdentifier, Name = email, Role per role, <see cref="ApiTokenClaims.TokenId"/>,
    /// a scope claim per scope),
    /// or why it is refused: unknown or malformed (<see cref="InvalidReason"/>), revoked, expired, or the owner locked out.
    /// A valid token is looked up at most once per <see cref="ApiTokenOptions.SweepSeconds"/> (<see cref="ValidatedTokens"/>).
    /// </summary>
    public async Task<Result<ClaimsPrincipal>> ValidateAsync(string? secret, CancellationToken cancellationToken = default)
    {
        if (!ApiTokenSecret.IsWellFormed(secret))
        {
            return Failure.Invalid(InvalidReason);
        }

        var hash = ApiTokenSecret.Hash(secret!);
        if (_validated.Find(hash) is { } recent)
        {
            return recent;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.ApiTokens.AsNoTracking()
            .Where(t => t.Hash == hash)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, User = u })
            .SingleOrDefaultAsync(cancellationToken);
        // The lookup is by hash; the constant-time comparison keeps the check itself free of timing differences.
        if (row is null || !ApiTokenSecret.Matches(row.Token.Hash, secret!))
        {
            return Failure.Invalid(InvalidReason);
        }

        var now = time.GetUtcNow();
        var refusal = RefusalOf(row.Token, row.User.LockoutEnabled ? row.User.LockoutEnd : null, now);
        if (refusal is not null)
        {
            return Failure.Invalid(refusal);
        }

        var roles = await db.UserRoles.Where(ur => ur.UserId == row.User.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(cancellationToken);
        var lastUsed = await TouchAsync(db, row.Token, now, cancellationToken);
        var principal = ApiTokenClaims.CreatePrincipal(
            row.Token.Id, row.User.Id, row.User.Email ?? row.User.UserName ?? row.User.Id, roles, ApiScopes.Split(row.Token.Scopes));
        // Remembered until the next sweep, the token's expiry, or when its last use is due to be recorded again.
        var until = new[] { now + TimeSpan.FromSeconds(options.Value.SweepSeconds), lastUsed + LastUsedResolution }
            .Append(row.Token.ExpiresAt ?? DateTimeOffset.MaxValue).Min();
        _validated.Remember(hash, principal, until);
        return principal;
    }

    /// <summary>Why a token may not be used at <paramref name="now"/>, or null when it may.</summary>
    public static string? RefusalOf(ApiToken token, DateTimeOffset? lockoutEnd, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(token);

        if (token.RevokedAt is not null)
        {
            return RevokedReason;
        }

        if (token.ExpiresAt <= now)
        {
            return ExpiredReason;
        }

        return lockoutEnd > now ? LockedOutReason : null;
    }

    private TimeSpan LastUsedResolution => TimeSpan.FromSeconds(options.Value.LastUsedResolutionSeconds);

    /// <summary>
    /// Records use at most once per <see cref="ApiTokenOptions.LastUsedResolutionSeconds"/>, so connects do not each cost
    /// a write; returns the token's last use as recorded now.
    /// </summary>
    private async Task<DateTimeOffset> TouchAsync(Data.ApplicationDbContext db, ApiToken token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var staleBefore = now - LastUsedResolution;
        if (token.LastUsedAt is { } lastUsed && lastUsed > staleBefore)
        {
            return lastUsed;
        }

        await db.ApiTokens
            .Where(t => t.Id == token.Id && (t.LastUsedAt == null || t.LastUsedAt <= staleBefore))
            .ExecuteUpdateAsync(setters => setters.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        return now;
    }
}
