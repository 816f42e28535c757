using System.Buffers;
using System.Text;
using System.Text.Json;
using RealtimeApp.Web.Realtime.Procedures;
using RealtimeApp.Web.Realtime.Protocol;

namespace RealtimeApp.Web.Realtime.Http;

/// <summary>
/// One Server-Sent Event (TRPC_HTTP_PROTOCOL §5, §9.10): <c>event:</c> (if any), <c>data:</c> with compact JSON,
/// <c>id:</c> (if any), then a blank line. Written straight into the response when nothing is waiting, or copied out
/// to wait its turn.
/// </summary>
internal readonly struct SseFrame
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = ProcedureJson.Options.Encoder };

    private readonly string? _eventName;
    private readonly Action<Utf8JsonWriter>? _data;
    private readonly string? _id;

    private SseFrame(string? eventName, Action<Utf8JsonWriter>? data, string? id)
    {
        _eventName = eventName;
        _data = data;
        _id = id;
    }

    public static SseFrame Connected(TimeSpan reconnectAfterInactivity) =>
        new("connected", writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("reconnectAfterInactivityMs", (long)reconnectAfterInactivity.TotalMilliseconds);
            writer.WriteEndObject();
        }, null);

    public static SseFrame Event(SubscriptionEvent item) => new(null, item.WritePayload, item.EventId);

    /// <summary>The error object itself, not wrapped in <c>{"error":…}</c> (TRPC_HTTP_PROTOCOL §5.5).</summary>
    public static SseFrame Error(TrpcError error, string path) =>
        new("serialized-error", writer => TrpcFrames.WriteErrorShape(writer, error, path), null);

    public static SseFrame Return() => new("return", null, null);

    public static SseFrame Ping() => new("ping", null, null);

    public void WriteTo(IBufferWriter<byte> output)
    {
        if (_eventName is not null)
        {
            output.Write("event: "u8);
            output.Write(Encoding.UTF8.GetBytes(_eventName));
            output.Write("\n"u8);
        }

        output.Write("data: "u8);
        if (_data is not null)
        {
            using var writer = new Utf8JsonWriter(output, WriterOptions);
            _data(writer);
        }

        output.Write("\n"u8);
        if (_id is not null)
        {
            output.Write("id: "u8);
            output.Write(Encoding.UTF8.GetBytes(_id));
            output.Write("\n"u8);
        }

        output.Write("\n"u8);
    }

    public ReadOnlyMemory<byte> ToBytes()
    {
        var bytes = new ArrayBufferWriter<byte>(256);
        WriteTo(bytes);
        return bytes.WrittenMemory;
    }
}
