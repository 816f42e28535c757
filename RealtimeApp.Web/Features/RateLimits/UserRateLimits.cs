using RealtimeApp.Domain.RateLimits;

namespace RealtimeApp.Web.Features.RateLimits;

/// <summary>A user's own override (null when none) and the limits that apply to them, each with its source.</summary>
public sealed record UserRateLimits(string UserId, string Email, bool IsAdmin, RateLimitValues? Override, EffectiveRateLimits Effective);
