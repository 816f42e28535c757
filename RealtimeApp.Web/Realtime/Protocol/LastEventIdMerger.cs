using System.Text.Json;

namespace RealtimeApp.Web.Realtime.Protocol;

/// <summary>
/// Merges <c>params.lastEventId</c> into the input the way the reference server does (§4): an object input gets the
/// key (params wins), an absent or null input becomes <c>{"lastEventId":…}</c>, any other input is left alone.
/// </summary>
public static class LastEventIdMerger
{
    public static JsonElement? Merge(JsonElement? input, string? lastEventId)
    {
        if (lastEventId is null)
        {
            return input;
        }

        if (input is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null) })
        {
            return input;
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (input is { ValueKind: JsonValueKind.Object } value)
            {
                foreach (var property in value.EnumerateObject().Where(p => p.Name != "lastEventId"))
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteString("lastEventId", lastEventId);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
