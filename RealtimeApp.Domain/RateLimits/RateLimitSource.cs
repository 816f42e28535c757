namespace RealtimeApp.Domain.RateLimits;

/// <summary>Where an effective limit comes from: a role's default or the user's own override.</summary>
public enum RateLimitSource
{
    Staff,
    Admin,
    Api,
    Override,
}
