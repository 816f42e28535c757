namespace RealtimeApp.Client.Protocol;

/// <summary>The request methods of the protocol.</summary>
internal static class TrpcMethod
{
    public const string Query = "query";
    public const string Mutation = "mutation";
}
