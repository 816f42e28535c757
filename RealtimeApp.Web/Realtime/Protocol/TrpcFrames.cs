using System.Buffers;
using System.Text;
using System.Text.Json;

namespace RealtimeApp.Web.Realtime.Protocol;

/// <summary>Writes the server's frames (§5) as UTF-8 JSON, keys in the reference server's order.</summary>
public static class TrpcFrames
{
    [ThreadStatic]
    private static FrameScratch? t_scratch;

    public static ReadOnlyMemory<byte> Ping { get; } = "PING"u8.ToArray();

    public static ReadOnlyMemory<byte> Pong { get; } = "PONG"u8.ToArray();

    public static ReadOnlyMemory<byte> Reconnect { get; } = """{"id":null,"method":"reconnect"}"""u8.ToArray();

    /// <summary>A query/mutation result or an untracked event; no <c>data</c> key when <paramref name="writeData"/> is null (void).</summary>
    public static byte[] Data(RequestId id, bool jsonRpc, Action<Utf8JsonWriter>? writeData) =>
        Result(id, jsonRpc, "data", writer =>
        {
            if (writeData is not null)
            {
                writer.WritePropertyName("data");
                writeData(writer);
            }
        });

    /// <summary>A tracked event: the event id both as <c>result.id</c> and inside <c>result.data</c>.</summary>
    public static byte[] TrackedData(RequestId id, bool jsonRpc, string eventId, Action<Utf8JsonWriter> writePayload) =>
        Result(id, jsonRpc, "data", writer =>
        {
            writer.WriteStartObject("data");
            writer.WriteString("id", eventId);
            writer.WritePropertyName("data");
            writePayload(writer);
            writer.WriteEndObject();
        }, eventId);

    public static byte[] Started(RequestId id, bool jsonRpc) => Result(id, jsonRpc, "started", static _ => { });

    public static byte[] Stopped(RequestId id, bool jsonRpc) => Result(id, jsonRpc, "stopped", static _ => { });

    /// <summary>An error frame; <paramref name="path"/> is set for errors that belong to a procedure call.</summary>
    public static byte[] Error(RequestId id, bool jsonRpc, TrpcError error, string? path = null) =>
        Write(writer =>
        {
            WriteEnvelope(writer, id, jsonRpc);
            WriteError(writer, error, path);
        });

    /// <summary>
    /// The <c>"error"</c> member shared by both transports: <c>{"message","code","data":{"code","httpStatus","path",…}}</c>,
    /// never a stack trace.
    /// </summary>
    public static void WriteError(Utf8JsonWriter writer, TrpcError error, string? path)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(error);

        writer.WritePropertyName("error");
        WriteErrorShape(writer, error, path);
    }

    /// <summary>The error shape alone: <c>{"message","code","data":{…}}</c> (an SSE <c>serialized-error</c> carries just this).</summary>
    public static void WriteErrorShape(Utf8JsonWriter writer, TrpcError error, string? path)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(error);

        writer.WriteStartObject();
        writer.WriteString("message", error.Message);
        writer.WriteNumber("code", error.Code.JsonRpcCode);
        writer.WriteStartObject("data");
        writer.WriteString("code", error.Code.Name);
        writer.WriteNumber("httpStatus", error.Code.HttpStatus);
        if (path is not null)
        {
            writer.WriteString("path", path);
        }

        foreach (var (key, value) in error.ErrorData ?? new Dictionary<string, object?>())
        {
            if (key is not ("code" or "httpStatus" or "path" or "stack"))
            {
                writer.WritePropertyName(key);
                JsonSerializer.Serialize(writer, value, ProcedureJson.Options);
            }
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static string ToText(ReadOnlyMemory<byte> frame) => Encoding.UTF8.GetString(frame.Span);

    private static byte[] Result(RequestId id, bool jsonRpc, string type, Action<Utf8JsonWriter> writeBody, string? eventId = null) =>
        Write(writer =>
        {
            WriteEnvelope(writer, id, jsonRpc);
            writer.WriteStartObject("result");
            writer.WriteString("type", type);
            writeBody(writer);
            if (eventId is not null)
            {
                writer.WriteString("id", eventId);
            }

            writer.WriteEndObject();
        });

    private static void WriteEnvelope(Utf8JsonWriter writer, RequestId id, bool jsonRpc)
    {
        writer.WritePropertyName("id");
        writer.WriteRawValue(id.RawJson, skipInputValidation: true);
        if (jsonRpc)
        {
            writer.WriteString("jsonrpc", "2.0");
        }
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        // One writer per thread, reused: a frame then allocates only its own bytes (a live event is one frame per subscriber).
        var scratch = t_scratch ??= new FrameScratch();
        scratch.Buffer.ResetWrittenCount();
        scratch.Writer.Reset(scratch.Buffer);
        scratch.Writer.WriteStartObject();
        body(scratch.Writer);
        scratch.Writer.WriteEndObject();
        scratch.Writer.Flush();
        var frame = scratch.Buffer.WrittenSpan.ToArray();
        if (scratch.Buffer.Capacity > FrameScratch.MaxKeptBytes)
        {
            t_scratch = null; // a large answer (a history page) does not keep its buffer on the thread
        }

        return frame;
    }

    private sealed class FrameScratch
    {
        public const int MaxKeptBytes = 64 * 1024;

        public FrameScratch() => Writer = new Utf8JsonWriter(Buffer, new JsonWriterOptions { Encoder = ProcedureJson.Options.Encoder });

        public ArrayBufferWriter<byte> Buffer { get; } = new(1024);

        public Utf8JsonWriter Writer { get; }
    }
}
