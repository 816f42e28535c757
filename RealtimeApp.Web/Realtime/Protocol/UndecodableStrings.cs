using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace RealtimeApp.Web.Realtime.Protocol;

/// <summary>
/// Finds a JSON string that parses but cannot become a .NET string: an escaped lone UTF-16 surrogate such as
/// <c>"\ud800"</c> is valid JSON text, and the parser lets bytes that are not UTF-8 through inside strings, yet decoding
/// either throws. Checked once per request before anything reads a string, so such input gets a protocol error instead
/// of an exception.
/// </summary>
public static class UndecodableStrings
{
    /// <summary>The error message for such a string; <paramref name="where"/> comes from <see cref="TryFind"/>.</summary>
    public static string Describe(string where) =>
        $"Invalid string in {where}: it is not valid Unicode (an escaped lone UTF-16 surrogate such as \\ud800, or bytes that are not UTF-8)";

    /// <summary>
    /// True when <paramref name="utf8Json"/> holds an undecodable string; <paramref name="where"/> then names the property
    /// it is the value of (<c>"text"</c>), or says it is a property name or a value outside any property.
    /// Text that is not JSON is not this check's business: false.
    /// </summary>
    public static bool TryFind(ReadOnlySpan<byte> utf8Json, out string where)
    {
        where = "";
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 256 });
        var property = ReadOnlySpan<byte>.Empty;
        string? escapedProperty = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName when !Decodes(ref reader, out escapedProperty):
                        where = "a property name";
                        return true;
                    case JsonTokenType.PropertyName:
                        property = escapedProperty is null ? reader.ValueSpan : ReadOnlySpan<byte>.Empty;
                        break;
                    case JsonTokenType.EndObject:
                        property = ReadOnlySpan<byte>.Empty;
                        escapedProperty = null;
                        break;
                    case JsonTokenType.String when !Decodes(ref reader, out _):
                        where = escapedProperty is not null ? $"\"{escapedProperty}\""
                            : property.IsEmpty ? "a value" : $"\"{Encoding.UTF8.GetString(property)}\"";
                        return true;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: the caller's parser reports that.
        }

        return false;
    }

    /// <summary>
    /// Whether the current string token becomes a .NET string; <paramref name="escaped"/> is the decoded text when it
    /// was escaped (null otherwise: the raw bytes are the text, and only need to be valid UTF-8).
    /// </summary>
    private static bool Decodes(ref Utf8JsonReader reader, out string? escaped)
    {
        escaped = null;
        if (!reader.ValueIsEscaped)
        {
            return Utf8.IsValid(reader.ValueSpan);
        }

        try
        {
            escaped = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
