using RealtimeApp.Domain.RateLimits;

namespace RealtimeApp.Web.Features.RateLimits;

/// <summary>
/// A saved change, for the caller and the audit log: the subject (the role <c>Staff</c>, <c>Admin</c> or <c>Api</c>,
/// or the user's email) and what it held before and after (null = no policy).
/// </summary>
public sealed record RateLimitChange(string Subject, RateLimitValues? Before, RateLimitValues? After);
