using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace RealtimeApp.Client.Protocol;

/// <summary>What one frame from the server says.</summary>
internal enum ServerFrameKind
{
    Ping,
    Pong,
    Reconnect,
    ConnectionError,
    Started,
    Data,
    Stopped,
    Error,
    Unknown,
}

/// <summary>
/// One frame from the server: for <see cref="ServerFrameKind.Data"/> the payload's JSON (inside a tracked event's
/// envelope; a slice of the frame, valid as long as the frame's buffer is) and its event id; for errors the exception
/// to surface.
/// </summary>
internal readonly record struct ServerFrame(
    ServerFrameKind Kind, long Id = 0, ReadOnlyMemory<byte>? Payload = null, string? EventId = null, RealtimeApiException? Error = null)
{
    /// <summary>
    /// Reads <paramref name="frameMemory"/> without copying its payload (the caller reads it into its type): a tracked
    /// event in the server's own layout by its fixed envelope, anything else in one pass with a
    /// <see cref="Utf8JsonReader"/>. A subscription's events are the client's hot path.
    /// </summary>
    public static ServerFrame Parse(ReadOnlyMemory<byte> frameMemory)
    {
        var frame = frameMemory.Span;
        if (frame.SequenceEqual("PING"u8))
        {
            return new(ServerFrameKind.Ping);
        }

        if (frame.SequenceEqual("PONG"u8))
        {
            return new(ServerFrameKind.Pong);
        }

        if (TryReadTrackedEvent(frameMemory, out var trackedEvent))
        {
            return trackedEvent;
        }

        var reader = new Utf8JsonReader(frame);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return new(ServerFrameKind.Unknown);
        }

        long? id = null;
        var isReconnect = false;
        Range? error = null;
        Result? result = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                id = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : null;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("method"u8))
            {
                reader.Read();
                isReconnect = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("reconnect"u8);
                reader.Skip();
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                error = ValueRange(ref reader);
            }
            else if (reader.ValueTextEquals("result"u8))
            {
                reader.Read();
                result = reader.TokenType == JsonTokenType.StartObject ? Result.Read(ref reader) : Skipped(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (isReconnect)
        {
            return new(ServerFrameKind.Reconnect);
        }

        if (error is { } errorRange)
        {
            var exception = ErrorOf(frame[errorRange]);
            return id is { } failed ? new(ServerFrameKind.Error, failed, Error: exception) : new(ServerFrameKind.ConnectionError, Error: exception);
        }

        if (id is not { } requestId || result is not { } answer)
        {
            return new(ServerFrameKind.Unknown);
        }

        return answer.Kind switch
        {
            ServerFrameKind.Started or ServerFrameKind.Stopped => new(answer.Kind, requestId),
            ServerFrameKind.Data when answer.EventId is not null && answer.TrackedData is { } tracked => new(ServerFrameKind.Data, requestId, frameMemory[tracked], answer.EventId),
            ServerFrameKind.Data => new(ServerFrameKind.Data, requestId, answer.Data is { } data ? (ReadOnlyMemory<byte>?)frameMemory[data] : null),
            _ => new(ServerFrameKind.Unknown),
        };
    }

    /// <summary>
    /// A tracked event exactly as the server writes one,
    /// <c>{"id":N,"result":{"type":"data","data":{"id":"E","data":PAYLOAD},"id":"E"}}</c>: its payload is found by its
    /// fixed envelope alone and read once, by the caller's deserializer (which rejects a payload that is not one JSON
    /// value). Any other layout goes through the general reader.
    /// </summary>
    private static bool TryReadTrackedEvent(ReadOnlyMemory<byte> frameMemory, out ServerFrame parsed)
    {
        parsed = default;
        var frame = frameMemory.Span;
        if (!frame.StartsWith("{\"id\":"u8) || !Utf8Parser.TryParse(frame[6..], out long id, out var digits))
        {
            return false;
        }

        var rest = frame[(6 + digits)..];
        ReadOnlySpan<byte> envelope = ",\"result\":{\"type\":\"data\",\"data\":{\"id\":\""u8;
        if (!rest.StartsWith(envelope))
        {
            return false;
        }

        rest = rest[envelope.Length..];
        var eventIdLength = rest.IndexOf((byte)'"');
        if (eventIdLength <= 0 || rest[..eventIdLength].ContainsAnyExcept("0123456789"u8) || !rest[eventIdLength..].StartsWith("\",\"data\":"u8))
        {
            return false;
        }

        var eventId = rest[..eventIdLength];
        var payload = rest[(eventIdLength + 9)..];
        ReadOnlySpan<byte> closing = "},\"id\":\""u8;
        var suffixLength = closing.Length + eventIdLength + 3;
        if (payload.Length <= suffixLength)
        {
            return false;
        }

        var suffix = payload[^suffixLength..];
        if (!suffix.StartsWith(closing) || !suffix[closing.Length..^3].SequenceEqual(eventId) || !suffix[^3..].SequenceEqual("\"}}"u8))
        {
            return false;
        }

        var payloadStart = frame.Length - payload.Length;
        parsed = new(ServerFrameKind.Data, id, frameMemory[payloadStart..^suffixLength], Encoding.UTF8.GetString(eventId));
        return true;
    }

    /// <summary>Where the value the reader is on starts and ends in the frame, leaving the reader on its last token.</summary>
    private static Range ValueRange(ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return start..(int)reader.BytesConsumed;
    }

    private static Result? Skipped(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }

    private static RealtimeApiException ErrorOf(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        var error = document.RootElement;
        if (error.ValueKind != JsonValueKind.Object)
        {
            return new RealtimeApiException("INTERNAL_SERVER_ERROR", "The server refused the request.");
        }

        var message = error.TryGetProperty("message", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString()! : "The server refused the request.";
        if (!error.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            return new RealtimeApiException("INTERNAL_SERVER_ERROR", message);
        }

        var code = data.TryGetProperty("code", out var codeElement) && codeElement.ValueKind == JsonValueKind.String ? codeElement.GetString()! : "INTERNAL_SERVER_ERROR";
        var path = data.TryGetProperty("path", out var pathElement) && pathElement.ValueKind == JsonValueKind.String ? pathElement.GetString() : null;
        TimeSpan? retryAfter = data.TryGetProperty("retryAfterMs", out var retry) && retry.TryGetInt64(out var milliseconds)
            ? TimeSpan.FromMilliseconds(milliseconds)
            : null;
        return new RealtimeApiException(code, message, path, retryAfter);
    }

    /// <summary>
    /// A <c>result</c> object: its <c>type</c> (as the frame kind it makes), a tracked event's <c>id</c>, where its
    /// <c>data</c> is, and, when that data is an object, where the <c>data</c> inside it is (a tracked event's payload,
    /// inside its envelope).
    /// </summary>
    private readonly record struct Result(ServerFrameKind Kind, string? EventId, Range? Data, Range? TrackedData)
    {
        public static Result Read(ref Utf8JsonReader reader)
        {
            var kind = ServerFrameKind.Unknown;
            string? eventId = null;
            Range? data = null;
            Range? tracked = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    kind = reader.TokenType != JsonTokenType.String ? ServerFrameKind.Unknown
                        : reader.ValueTextEquals("data"u8) ? ServerFrameKind.Data
                        : reader.ValueTextEquals("started"u8) ? ServerFrameKind.Started
                        : reader.ValueTextEquals("stopped"u8) ? ServerFrameKind.Stopped
                        : ServerFrameKind.Unknown;
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("id"u8))
                {
                    reader.Read();
                    eventId = reader.TokenType switch
                    {
                        JsonTokenType.String => reader.GetString(),
                        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                        _ => null,
                    };
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("data"u8))
                {
                    reader.Read();
                    (data, tracked) = reader.TokenType == JsonTokenType.StartObject ? Envelope(ref reader) : (ValueRange(ref reader), null);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            return new(kind, eventId, data, tracked);
        }

        /// <summary>An object's whole range and that of its <c>data</c> member, read in the same pass.</summary>
        private static (Range Whole, Range? Data) Envelope(ref Utf8JsonReader reader)
        {
            var start = (int)reader.TokenStartIndex;
            Range? inner = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isData = reader.ValueTextEquals("data"u8);
                reader.Read();
                if (isData)
                {
                    inner = ValueRange(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }

            return (start..(int)reader.BytesConsumed, inner);
        }
    }
}
