namespace RealtimeApp.Web.Features.Users.Administration;

/// <summary>A user as Admin → Users lists them; <see cref="LockedUntil"/> is null when the account is not locked.</summary>
public sealed record UserRow(string Id, string Email, IReadOnlyList<string> Roles, DateTimeOffset? LockedUntil, bool IsOnline)
{
    public bool IsLocked => LockedUntil is not null;

    /// <summary>A lock an administrator set (no end; the database may round the maximum), as opposed to a lockout after failed sign-ins.</summary>
    public bool IsLockedIndefinitely => LockedUntil?.Year == DateTimeOffset.MaxValue.Year;
}
