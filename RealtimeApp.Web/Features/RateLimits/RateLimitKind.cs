namespace RealtimeApp.Web.Features.RateLimits;

/// <summary>Which limit refused something; the <c>limit</c> tag of <c>realtimeapp.ratelimit.refused</c>.</summary>
public enum RateLimitKind
{
    Messages,
    Requests,
    Subscriptions,
    Connections,
}
