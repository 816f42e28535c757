using System.Text.Json;

namespace RealtimeApp.Domain.Realtime;

/// <summary>
/// The wire format a backplane uses between nodes: UTF-8 JSON of <see cref="IRealtimeEvent"/> with its
/// <c>"type"</c> discriminator, through the source-generated <see cref="RealtimeEventJsonContext"/>.
/// </summary>
public static class RealtimeEventSerializer
{
    /// <summary>Serialises an event, discriminator included.</summary>
    public static byte[] Serialize(IRealtimeEvent realtimeEvent)
    {
        ArgumentNullException.ThrowIfNull(realtimeEvent);
        return JsonSerializer.SerializeToUtf8Bytes(realtimeEvent, RealtimeEventJsonContext.Default.IRealtimeEvent);
    }

    /// <summary>Reads an event written by <see cref="Serialize"/>.</summary>
    /// <exception cref="JsonException">The payload is not a known event.</exception>
    public static IRealtimeEvent Deserialize(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, RealtimeEventJsonContext.Default.IRealtimeEvent)
        ?? throw new JsonException("The payload is null, not a realtime event.");
}
