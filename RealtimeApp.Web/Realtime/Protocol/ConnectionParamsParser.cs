using System.Text.Json;

namespace RealtimeApp.Web.Realtime.Protocol;

/// <summary>
/// Reads the first frame of a <c>?connectionParams=1</c> connection (§2):
/// <c>{"method":"connectionParams","data":{string:string}|null}</c>. A string that cannot be decoded (an escaped lone
/// surrogate, bytes that are not UTF-8) makes the shape invalid.
/// </summary>
public static class ConnectionParamsParser
{
    public const string InvalidShape = "Invalid connection params shape";

    /// <summary>True when the frame is well formed; <paramref name="parameters"/> is null for <c>"data":null</c>.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> utf8, out IReadOnlyDictionary<string, string>? parameters)
    {
        parameters = null;
        try
        {
            using var document = JsonDocument.Parse(utf8);
            if (UndecodableStrings.TryFind(utf8.Span, out _))
            {
                return false;
            }

            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("data", out var data)
                && TryRead(data, out parameters);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// Reads the parameters alone, as the HTTP transports carry them (<c>?connectionParams={"token":"…"}</c>): an object
    /// of strings, or <c>null</c>. <paramref name="notJson"/> tells a text that is not JSON from a JSON value of the wrong shape.
    /// </summary>
    public static bool TryParseData(ReadOnlyMemory<byte> utf8, out IReadOnlyDictionary<string, string>? parameters, out bool notJson)
    {
        parameters = null;
        notJson = false;
        try
        {
            using var document = JsonDocument.Parse(utf8);
            return !UndecodableStrings.TryFind(utf8.Span, out _) && TryRead(document.RootElement, out parameters);
        }
        catch (JsonException)
        {
            notJson = true;
            return false;
        }
    }

    private static bool TryRead(JsonElement data, out IReadOnlyDictionary<string, string>? parameters)
    {
        parameters = null;
        if (data.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (data.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in data.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            values[property.Name] = property.Value.GetString()!;
        }

        parameters = values;
        return true;
    }
}
