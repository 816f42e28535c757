namespace RealtimeApp.Web.Realtime.Protocol;

/// <summary>The <c>method</c> of a request frame.</summary>
public enum TrpcMethod
{
    Query,
    Mutation,
    Subscription,
    SubscriptionStop,
}
