namespace RealtimeApp.Web.Realtime.Limits;

/// <summary>How many subscriptions one connection and how many connections one user may have.</summary>
public sealed record ApiUserLimits(int SubscriptionsPerConnection, int ConnectionsPerUser);
