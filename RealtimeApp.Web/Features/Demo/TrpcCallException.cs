namespace RealtimeApp.Web.Features.Demo;

/// <summary>The server answered a call with a tRPC error (e.g. <c>CONFLICT</c>).</summary>
public sealed class TrpcCallException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
