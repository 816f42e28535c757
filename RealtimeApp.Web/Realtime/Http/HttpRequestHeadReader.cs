using System.Text;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using RealtimeApp.Web.Realtime.Procedures;
using RealtimeApp.Web.Realtime.Protocol;

namespace RealtimeApp.Web.Realtime.Http;

/// <summary>
/// Reads an <c>/api/trpc</c> request's method, path, query and headers into its calls, or the error that fails the
/// whole request (TRPC_HTTP_PROTOCOL §2.4, checked in §2.6's order: content type, batch size, mixed types,
/// connectionParams). Per-call problems (unknown path, wrong method) are left to each call.
/// </summary>
internal static class HttpRequestHeadReader
{
    public const string JsonLines = "application/jsonl";

    public static HttpRequestHead Read(string method, string path, IQueryCollection query, IHeaderDictionary headers, ProcedureRouter router, int maxBatchSize)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(router);

        var isGet = HttpMethods.IsGet(method);
        if (!isGet && ContentTypeError(headers.ContentType) is { } contentType)
        {
            throw contentType;
        }

        var isBatch = query["batch"] == "1";
        var isStreamed = AsksForJsonLines(headers);
        if (isStreamed && !isBatch)
        {
            throw new TrpcException(TrpcErrorCode.BadRequest, "Streaming requests must be batched (you can do a batch of 1)");
        }

        var paths = isBatch ? path.Split(',') : [path];
        if (paths.Length > maxBatchSize)
        {
            throw new TrpcException(TrpcErrorCode.BadRequest, $"Batch call exceeds maximum size ({maxBatchSize} calls)");
        }

        var calls = paths.Select((callPath, index) => new HttpCall(index, callPath, router.TryFind(callPath, out var procedure) ? procedure : null)).ToList();
        var types = calls.Where(call => call.Procedure is { Type: not ProcedureType.Subscription }).Select(call => call.Procedure!.Type).Distinct().ToList();
        if (types.Count > 1)
        {
            throw new TrpcException(TrpcErrorCode.BadRequest, "Cannot mix procedure types in call: query, mutation");
        }

        return new HttpRequestHead
        {
            IsBatch = isBatch,
            IsGet = isGet,
            IsStreamed = isStreamed,
            Calls = calls,
            QueryInput = query.TryGetValue("input", out var input) ? input.ToString() : null,
            ConnectionParams = ReadConnectionParams(query["connectionParams"]),
        };
    }

    /// <summary>The procedure path after <c>/api/trpc/</c>: percent-decoded already, without the slashes around it.</summary>
    public static string ProcedurePath(PathString remainder) => (remainder.Value ?? "").Trim('/');

    private static TrpcException? ContentTypeError(StringValues contentType)
    {
        if (StringValues.IsNullOrEmpty(contentType))
        {
            return new TrpcException(TrpcErrorCode.UnsupportedMediaType, "Missing content-type header");
        }

        return MediaTypeHeaderValue.TryParse(contentType.ToString(), out var parsed)
            && parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            ? null
            : new TrpcException(TrpcErrorCode.UnsupportedMediaType, $"Unsupported content-type \"{contentType}\": send application/json");
    }

    private static bool AsksForJsonLines(IHeaderDictionary headers) =>
        headers["trpc-accept"].ToString().Contains(JsonLines, StringComparison.OrdinalIgnoreCase)
        || headers.Accept.ToString().Contains(JsonLines, StringComparison.OrdinalIgnoreCase);

    private static IReadOnlyDictionary<string, string>? ReadConnectionParams(StringValues raw)
    {
        if (StringValues.IsNullOrEmpty(raw))
        {
            return null;
        }

        if (!ConnectionParamsParser.TryParseData(Encoding.UTF8.GetBytes(raw.ToString()), out var parameters, out var notJson))
        {
            throw new TrpcException(TrpcErrorCode.ParseError, notJson ? "Not JSON-parsable query params" : ConnectionParamsParser.InvalidShape);
        }

        return parameters;
    }
}
