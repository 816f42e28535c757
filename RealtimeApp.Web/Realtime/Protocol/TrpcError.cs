namespace RealtimeApp.Web.Realtime.Protocol;

/// <summary>The content of an error frame: message, code and optional extra <c>data</c> fields.</summary>
public sealed record TrpcError(TrpcErrorCode Code, string Message, IReadOnlyDictionary<string, object?>? ErrorData = null)
{
    public const string InternalMessage = "Internal server error";

    public static TrpcError Parse(string message) => new(TrpcErrorCode.ParseError, message);

    public static TrpcError Internal() => new(TrpcErrorCode.InternalServerError, InternalMessage);

    public static TrpcError NoProcedure(TrpcMethod method, string path) =>
        new(TrpcErrorCode.NotFound, $"No \"{method.WireName()}\"-procedure on path \"{path}\"");
}
