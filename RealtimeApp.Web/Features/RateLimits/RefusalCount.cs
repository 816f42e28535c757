namespace RealtimeApp.Web.Features.RateLimits;

/// <summary>How often one user was refused since this node started, per limit.</summary>
public sealed record RefusalCount(string UserId, string UserName, long Messages, long Requests, long Subscriptions, long Connections)
{
    public long Total => Messages + Requests + Subscriptions + Connections;
}
