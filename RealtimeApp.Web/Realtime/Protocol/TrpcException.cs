namespace RealtimeApp.Web.Realtime.Protocol;

/// <summary>
/// Thrown by a procedure to answer with a specific tRPC error. The message goes to the client as is;
/// <see cref="ErrorData"/> adds fields to the error's <c>data</c> object (for example <c>retryAfterMs</c>).
/// </summary>
public sealed class TrpcException : Exception
{
    public TrpcException(TrpcErrorCode code, string message, IReadOnlyDictionary<string, object?>? errorData = null)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(code);
        Code = code;
        ErrorData = errorData ?? new Dictionary<string, object?>();
    }

    public TrpcException()
        : this(TrpcErrorCode.InternalServerError, "Internal server error")
    {
    }

    public TrpcException(string message)
        : this(TrpcErrorCode.InternalServerError, message)
    {
    }

    public TrpcException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = TrpcErrorCode.InternalServerError;
        ErrorData = new Dictionary<string, object?>();
    }

    public TrpcErrorCode Code { get; }

    public IReadOnlyDictionary<string, object?> ErrorData { get; }

    public TrpcError ToError() => new(Code, Message, ErrorData);
}
