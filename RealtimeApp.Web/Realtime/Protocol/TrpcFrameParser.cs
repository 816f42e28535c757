using System.Runtime.InteropServices;
using System.Text.Json;

namespace RealtimeApp.Web.Realtime.Protocol;

/// <summary>
/// Parses and validates a text frame holding one request object or an array of them (§3.1, §3.3).
/// The whole frame is validated before anything runs; the first structural error rejects it with the
/// message the reference server uses.
/// </summary>
public static class TrpcFrameParser
{
    public const string NotAnObject = "Not an object";
    public const string InvalidRequestId = "Invalid request id";
    public const string MustBeJsonRpc2 = "Must be JSONRPC 2.0";
    public const string InvalidProcedureType = "Invalid procedure type";
    public const string InvalidString = "Invalid string";
    public const string IdIsRequired = "`id` is required";

    public static FrameParseResult Parse(ReadOnlyMemory<byte> utf8)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException exception)
        {
            return FrameParseResult.Failed(exception.Message);
        }

        using (document)
        {
            var root = document.RootElement;
            var elements = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
            if (UndecodableStrings.TryFind(utf8.Span, out var where))
            {
                return FrameParseResult.Refused(IdOfFirstUndecodable(elements), UndecodableStrings.Describe(where));
            }

            var requests = new List<TrpcRequest>(elements.Count);
            foreach (var element in elements)
            {
                var error = TryParseRequest(element, out var request);
                if (error is not null)
                {
                    return FrameParseResult.Failed(error);
                }

                requests.Add(request!);
            }

            return requests.Any(r => r.Id.IsNull)
                ? FrameParseResult.Failed(IdIsRequired)
                : new FrameParseResult(requests, null, RequestId.Null);
        }
    }

    /// <summary>The id of the first request holding an undecodable string, when it has a usable one; else <c>null</c>.</summary>
    private static RequestId IdOfFirstUndecodable(List<JsonElement> elements)
    {
        var element = elements.FirstOrDefault(HoldsUndecodable);
        try
        {
            return element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var id) &&
                id.ValueKind is JsonValueKind.Number or JsonValueKind.String && !HoldsUndecodable(id)
                ? new RequestId(id.GetRawText())
                : RequestId.Null;
        }
        catch (InvalidOperationException)
        {
            // Its property names cannot be decoded either: no id can be read.
            return RequestId.Null;
        }

        static bool HoldsUndecodable(JsonElement element) => UndecodableStrings.TryFind(JsonMarshal.GetRawUtf8Value(element), out _);
    }

    private static string? TryParseRequest(JsonElement element, out TrpcRequest? request)
    {
        request = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            return NotAnObject;
        }

        if (!element.TryGetProperty("id", out var id) ||
            id.ValueKind is not (JsonValueKind.Null or JsonValueKind.Number or JsonValueKind.String))
        {
            return InvalidRequestId;
        }

        var hasJsonRpc = element.TryGetProperty("jsonrpc", out var jsonRpc);
        if (hasJsonRpc && (jsonRpc.ValueKind != JsonValueKind.String || jsonRpc.GetString() != "2.0"))
        {
            return MustBeJsonRpc2;
        }

        var methodName = element.TryGetProperty("method", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        var method = TrpcMethodExtensions.FromWireName(methodName);
        var requestId = new RequestId(id.GetRawText());
        if (method == TrpcMethod.SubscriptionStop)
        {
            request = new TrpcRequest(requestId, hasJsonRpc, TrpcMethod.SubscriptionStop, "", null, null);
            return null;
        }

        if (method is null)
        {
            return InvalidProcedureType;
        }

        if (!element.TryGetProperty("params", out var parameters) || parameters.ValueKind != JsonValueKind.Object)
        {
            return NotAnObject;
        }

        if (!parameters.TryGetProperty("path", out var path) || path.ValueKind != JsonValueKind.String)
        {
            return InvalidString;
        }

        string? lastEventId = null;
        if (parameters.TryGetProperty("lastEventId", out var last))
        {
            if (last.ValueKind != JsonValueKind.String)
            {
                return InvalidString;
            }

            lastEventId = last.GetString();
        }

        JsonElement? input = parameters.TryGetProperty("input", out var rawInput) ? rawInput.Clone() : null;
        input = LastEventIdMerger.Merge(input, lastEventId);
        request = new TrpcRequest(requestId, hasJsonRpc, method.Value, path.GetString()!, input, lastEventId);
        return null;
    }
}
