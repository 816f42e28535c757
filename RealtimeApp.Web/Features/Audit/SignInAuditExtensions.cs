using System.Net;
using RealtimeApp.Domain.Users;

namespace RealtimeApp.Web.Features.Audit;

/// <summary>
/// Sign-in entries: the actor is the email that was tried (with the account's id when it exists), the target
/// <c>user:{email}</c>, and <c>after</c> holds the client's address and, for a failure, the reason. Never the password.
/// </summary>
public static class SignInAuditExtensions
{
    public static Task WriteSignInSucceededAsync(this IAuditLog log, string email, string userId, IPAddress? address, CancellationToken cancellationToken = default) =>
        Write(log, AuditActions.SignInSucceeded, email, userId, new { Address = AuditAddress(address) }, cancellationToken);

    public static Task WriteSignInFailedAsync(this IAuditLog log, string email, string? userId, IPAddress? address, string reason, CancellationToken cancellationToken = default) =>
        Write(log, AuditActions.SignInFailed, email, userId, new { Address = AuditAddress(address), Reason = reason }, cancellationToken);

    /// <summary>A sign-in completed with a second factor (<c>authenticator</c> or <c>recovery_code</c>) after the password.</summary>
    public static Task WriteSignInSucceededAsync(this IAuditLog log, string email, string userId, IPAddress? address, string secondFactor, CancellationToken cancellationToken = default) =>
        Write(log, AuditActions.SignInSucceeded, email, userId, new { Address = AuditAddress(address), SecondFactor = secondFactor }, cancellationToken);

    /// <summary>A second factor that was refused after a right password.</summary>
    public static Task WriteSignInFailedAsync(this IAuditLog log, string email, string userId, IPAddress? address, string reason, string secondFactor, CancellationToken cancellationToken = default) =>
        Write(log, AuditActions.SignInFailed, email, userId, new { Address = AuditAddress(address), Reason = reason, SecondFactor = secondFactor }, cancellationToken);

    public static Task WriteSignInLockedOutAsync(this IAuditLog log, string email, string userId, IPAddress? address, DateTimeOffset? until, CancellationToken cancellationToken = default) =>
        Write(log, AuditActions.SignInLockedOut, email, userId, new { Address = AuditAddress(address), LockedOutUntil = until }, cancellationToken);

    /// <summary>How an address is written in sign-in entries (and matched by <see cref="AuditQuery.Address"/>): IPv4-mapped IPv6 as IPv4.</summary>
    public static string AuditAddress(IPAddress? address) =>
        address is null ? "unknown" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();

    private static Task Write(IAuditLog log, string action, string email, string? userId, object after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        var name = string.IsNullOrWhiteSpace(email) ? "(none)" : email.Trim();
        var actor = new Actor(userId ?? "", name, new HashSet<string>());
        return log.WriteAsync(actor, action, $"user:{name}", before: null, after, cancellationToken);
    }
}
