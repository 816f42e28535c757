namespace RealtimeApp.Web.Realtime.Protocol;

/// <summary>The outcome of parsing one text frame: the requests it holds, or the one PARSE_ERROR message that rejects it.</summary>
public sealed record FrameParseResult(IReadOnlyList<TrpcRequest> Requests, string? Error)
{
    public bool IsValid => Error is null;

    public static FrameParseResult Failed(string error) => new([], error);
}
