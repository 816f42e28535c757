namespace RealtimeApp.Web.Realtime.Protocol;

/// <summary>A tRPC error code: its name (<c>data.code</c>), JSON-RPC number (<c>code</c>) and HTTP status (<c>data.httpStatus</c>).</summary>
public sealed record TrpcErrorCode(string Name, int JsonRpcCode, int HttpStatus)
{
    public static readonly TrpcErrorCode ParseError = new("PARSE_ERROR", -32700, 400);
    public static readonly TrpcErrorCode BadRequest = new("BAD_REQUEST", -32600, 400);
    public static readonly TrpcErrorCode InternalServerError = new("INTERNAL_SERVER_ERROR", -32603, 500);
    public static readonly TrpcErrorCode NotImplemented = new("NOT_IMPLEMENTED", -32603, 501);
    public static readonly TrpcErrorCode BadGateway = new("BAD_GATEWAY", -32603, 502);
    public static readonly TrpcErrorCode ServiceUnavailable = new("SERVICE_UNAVAILABLE", -32603, 503);
    public static readonly TrpcErrorCode GatewayTimeout = new("GATEWAY_TIMEOUT", -32603, 504);
    public static readonly TrpcErrorCode Unauthorized = new("UNAUTHORIZED", -32001, 401);
    public static readonly TrpcErrorCode PaymentRequired = new("PAYMENT_REQUIRED", -32002, 402);
    public static readonly TrpcErrorCode Forbidden = new("FORBIDDEN", -32003, 403);
    public static readonly TrpcErrorCode NotFound = new("NOT_FOUND", -32004, 404);
    public static readonly TrpcErrorCode MethodNotSupported = new("METHOD_NOT_SUPPORTED", -32005, 405);
    public static readonly TrpcErrorCode Timeout = new("TIMEOUT", -32008, 408);
    public static readonly TrpcErrorCode Conflict = new("CONFLICT", -32009, 409);
    public static readonly TrpcErrorCode PreconditionFailed = new("PRECONDITION_FAILED", -32012, 412);
    public static readonly TrpcErrorCode PayloadTooLarge = new("PAYLOAD_TOO_LARGE", -32013, 413);
    public static readonly TrpcErrorCode UnsupportedMediaType = new("UNSUPPORTED_MEDIA_TYPE", -32015, 415);
    public static readonly TrpcErrorCode UnprocessableContent = new("UNPROCESSABLE_CONTENT", -32022, 422);
    public static readonly TrpcErrorCode PreconditionRequired = new("PRECONDITION_REQUIRED", -32028, 428);
    public static readonly TrpcErrorCode TooManyRequests = new("TOO_MANY_REQUESTS", -32029, 429);
    public static readonly TrpcErrorCode ClientClosedRequest = new("CLIENT_CLOSED_REQUEST", -32099, 499);

    /// <summary>Every code of tRPC v11, in the order of the specification's table.</summary>
    public static IReadOnlyList<TrpcErrorCode> All { get; } =
    [
        ParseError, BadRequest, InternalServerError, NotImplemented, BadGateway, ServiceUnavailable, GatewayTimeout,
        Unauthorized, PaymentRequired, Forbidden, NotFound, MethodNotSupported, Timeout, Conflict, PreconditionFailed,
        PayloadTooLarge, UnsupportedMediaType, UnprocessableContent, PreconditionRequired, TooManyRequests,
        ClientClosedRequest,
    ];

    public override string ToString() => Name;
}
