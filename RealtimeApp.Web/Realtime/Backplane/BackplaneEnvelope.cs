using RealtimeApp.Domain.Realtime;

namespace RealtimeApp.Web.Realtime.Backplane;

/// <summary>
/// An event as it crosses Redis: the publishing node's id (16 bytes), then the event's JSON
/// (<see cref="RealtimeEventSerializer"/>, with its <c>"type"</c> discriminator). The id lets a node skip its own
/// events, which it has delivered already.
/// </summary>
public static class BackplaneEnvelope
{
    private const int NodeIdBytes = 16;

    public static byte[] Wrap(Guid node, IRealtimeEvent realtimeEvent)
    {
        var json = RealtimeEventSerializer.Serialize(realtimeEvent);
        var message = new byte[NodeIdBytes + json.Length];
        node.TryWriteBytes(message);
        json.CopyTo(message.AsSpan(NodeIdBytes));
        return message;
    }

    /// <summary>The publishing node and the event; throws <see cref="FormatException"/> for a message that is not an envelope.</summary>
    public static (Guid Node, IRealtimeEvent Event) Unwrap(ReadOnlySpan<byte> message)
    {
        if (message.Length <= NodeIdBytes)
        {
            throw new FormatException($"A backplane message has at least {NodeIdBytes + 1} bytes; this one has {message.Length}.");
        }

        var node = new Guid(message[..NodeIdBytes]);
        try
        {
            return (node, RealtimeEventSerializer.Deserialize(message[NodeIdBytes..]));
        }
        catch (System.Text.Json.JsonException exception)
        {
            throw new FormatException("A backplane message does not hold a known event.", exception);
        }
    }
}
