using System.Text.Json;

namespace RealtimeApp.Web.Realtime.Protocol;

/// <summary>
/// Reads the first frame of a <c>?connectionParams=1</c> connection (§2):
/// <c>{"method":"connectionParams","data":{string:string}|null}</c>.
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
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data))
            {
                return false;
            }

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
        catch (JsonException)
        {
            return false;
        }
    }
}
