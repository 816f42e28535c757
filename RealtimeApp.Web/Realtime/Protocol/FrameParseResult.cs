namespace RealtimeApp.Web.Realtime.Protocol;

/// <summary>
/// The outcome of parsing one text frame: the requests it holds, or the one error that rejects it, sent under
/// <see cref="ErrorId"/> (<c>id:null</c> for a structural PARSE_ERROR, the request's own id when it is known).
/// </summary>
public sealed record FrameParseResult(IReadOnlyList<TrpcRequest> Requests, TrpcError? Error, RequestId ErrorId)
{
    public bool IsValid => Error is null;

    /// <summary>The frame's structure is wrong: PARSE_ERROR with <c>id:null</c>, as the reference server answers.</summary>
    public static FrameParseResult Failed(string message) => new([], TrpcError.Parse(message), RequestId.Null);

    /// <summary>The frame is well formed but request <paramref name="id"/> cannot be read: BAD_REQUEST under its id.</summary>
    public static FrameParseResult Refused(RequestId id, string message) => new([], new TrpcError(TrpcErrorCode.BadRequest, message), id);
}
