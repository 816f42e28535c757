using System.Buffers;
using System.Text;
using System.Text.Json;
using RealtimeApp.Web.Realtime.Procedures;
using RealtimeApp.Web.Realtime.Protocol;

namespace RealtimeApp.Web.Realtime.Http;

/// <summary>
/// The bytes of one Server-Sent Event (TRPC_HTTP_PROTOCOL §5, §9.10): <c>event:</c> (if any), <c>data:</c> with compact
/// JSON, <c>id:</c> (if any), then a blank line.
/// </summary>
internal static class SseFrames
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = ProcedureJson.Options.Encoder };

    public static ReadOnlyMemory<byte> Connected(TimeSpan reconnectAfterInactivity) =>
        Build("connected", writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("reconnectAfterInactivityMs", (long)reconnectAfterInactivity.TotalMilliseconds);
            writer.WriteEndObject();
        }, null);

    public static ReadOnlyMemory<byte> Event(SubscriptionEvent item) => Build(null, item.WritePayload, item.EventId);

    /// <summary>The error object itself, not wrapped in <c>{"error":…}</c> (TRPC_HTTP_PROTOCOL §5.5).</summary>
    public static ReadOnlyMemory<byte> Error(TrpcError error, string path) =>
        Build("serialized-error", writer => TrpcFrames.WriteErrorShape(writer, error, path), null);

    public static ReadOnlyMemory<byte> Return() => Build("return", null, null);

    public static ReadOnlyMemory<byte> Ping() => Build("ping", null, null);

    private static ReadOnlyMemory<byte> Build(string? eventName, Action<Utf8JsonWriter>? data, string? id)
    {
        var frame = new ArrayBufferWriter<byte>(256);
        if (eventName is not null)
        {
            frame.Write("event: "u8);
            frame.Write(Encoding.UTF8.GetBytes(eventName));
            frame.Write("\n"u8);
        }

        frame.Write("data: "u8);
        if (data is not null)
        {
            using var writer = new Utf8JsonWriter(frame, WriterOptions);
            data(writer);
        }

        frame.Write("\n"u8);
        if (id is not null)
        {
            frame.Write("id: "u8);
            frame.Write(Encoding.UTF8.GetBytes(id));
            frame.Write("\n"u8);
        }

        frame.Write("\n"u8);
        return frame.WrittenMemory;
    }
}
