namespace RealtimeApp.Web.Realtime.Protocol;

public static class TrpcMethodExtensions
{
    /// <summary>The method's name on the wire: <c>query</c>, <c>mutation</c>, <c>subscription</c> or <c>subscription.stop</c>.</summary>
    public static string WireName(this TrpcMethod method) => method switch
    {
        TrpcMethod.Query => "query",
        TrpcMethod.Mutation => "mutation",
        TrpcMethod.Subscription => "subscription",
        TrpcMethod.SubscriptionStop => "subscription.stop",
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };

    internal static TrpcMethod? FromWireName(string? name) => name switch
    {
        "query" => TrpcMethod.Query,
        "mutation" => TrpcMethod.Mutation,
        "subscription" => TrpcMethod.Subscription,
        "subscription.stop" => TrpcMethod.SubscriptionStop,
        _ => null,
    };
}
