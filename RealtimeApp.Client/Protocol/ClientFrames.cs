using System.Buffers;
using System.Text.Json;

namespace RealtimeApp.Client.Protocol;

/// <summary>The frames the client sends, written as the tRPC v11 WebSocket protocol has them.</summary>
internal static class ClientFrames
{
    public static ReadOnlyMemory<byte> Ping { get; } = "PING"u8.ToArray();

    public static ReadOnlyMemory<byte> Pong { get; } = "PONG"u8.ToArray();

    /// <summary><c>{"id":1,"method":"query","params":{"path":"…","input":…,"lastEventId":"…"}}</c>.</summary>
    public static byte[] Request(long id, string method, string path, ReadOnlyMemory<byte>? input, string? lastEventId = null)
    {
        var buffer = new ArrayBufferWriter<byte>(128 + (input?.Length ?? 0));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", id);
            writer.WriteString("method", method);
            writer.WriteStartObject("params");
            writer.WriteString("path", path);
            if (input is { } json)
            {
                writer.WritePropertyName("input");
                writer.WriteRawValue(json.Span, skipInputValidation: true);
            }

            if (lastEventId is not null)
            {
                writer.WriteString("lastEventId", lastEventId);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary><c>{"id":1,"method":"subscription.stop"}</c>.</summary>
    public static byte[] Stop(long id) => JsonSerializer.SerializeToUtf8Bytes(new StopFrame(id), ClientJsonContext.Default.StopFrame);
}

/// <summary><c>subscription.stop</c>.</summary>
internal sealed record StopFrame(long Id)
{
    public string Method => "subscription.stop";
}
