using System.ComponentModel.DataAnnotations;

namespace RealtimeApp.Web.Features.Sessions;

/// <summary>
/// How often a sign-in is checked against the database (security stamp, lockout): cookies on their next request after
/// this long, open circuits every this long. Locks made on this node take effect at once regardless.
/// </summary>
public sealed class SessionValidationOptions
{
    public const string SectionName = "Sessions";

    [Range(1, 3600)]
    public int RevalidationSeconds { get; set; } = 30;
}
