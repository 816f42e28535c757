using System.Text.Json;
using System.Text.Json.Nodes;

namespace RealtimeApp.Web.Realtime.Http;

/// <summary>Where an SSE subscription resumes from (TRPC_HTTP_PROTOCOL §5.7) and how that reaches the procedure's input.</summary>
internal static class SseResume
{
    /// <summary>The <c>Last-Event-ID</c> header, else <c>?lastEventId=</c>, else <c>?Last-Event-Id=</c>; null when none.</summary>
    public static string? ReadId(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        foreach (var candidate in new[] { request.Headers["Last-Event-ID"].ToString(), request.Query["lastEventId"].ToString(), request.Query["Last-Event-Id"].ToString() })
        {
            if (candidate.Length > 0)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// An object input becomes <c>{...input, lastEventId}</c> (the header wins over <c>input.lastEventId</c>, which a
    /// reconnecting EventSource repeats from its original URL), no input becomes <c>{lastEventId}</c>, any other input is
    /// left alone.
    /// </summary>
    public static JsonElement? Merge(JsonElement? input, string? lastEventId)
    {
        if (lastEventId is null || input is { ValueKind: not JsonValueKind.Object and not JsonValueKind.Undefined })
        {
            return input;
        }

        var merged = input is { ValueKind: JsonValueKind.Object } value ? JsonObject.Create(value)! : new JsonObject();
        merged["lastEventId"] = lastEventId;
        return JsonSerializer.SerializeToElement(merged);
    }
}
