namespace RealtimeApp.Web.Realtime.Protocol;

/// <summary>A request id as received: the raw JSON token (a number or a string), echoed verbatim in responses.</summary>
public readonly record struct RequestId(string RawJson)
{
    public static RequestId Null { get; } = new("null");

    public bool IsNull => RawJson == "null";

    public override string ToString() => RawJson;
}
