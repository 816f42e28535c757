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
/// One frame from the server: for <see cref="ServerFrameKind.Data"/> the payload (inside a tracked event's envelope)
/// and its event id; for errors the exception to surface.
/// </summary>
internal readonly record struct ServerFrame(ServerFrameKind Kind, long Id = 0, JsonElement? Data = null, string? EventId = null, RealtimeApiException? Error = null)
{
    public static ServerFrame Parse(ReadOnlySpan<byte> frame)
    {
        if (frame.SequenceEqual("PING"u8))
        {
            return new(ServerFrameKind.Ping);
        }

        if (frame.SequenceEqual("PONG"u8))
        {
            return new(ServerFrameKind.Pong);
        }

        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(frame));
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new(ServerFrameKind.Unknown);
        }

        var hasId = root.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.Number && idElement.TryGetInt64(out _);
        if (root.TryGetProperty("method", out var method) && method.ValueKind == JsonValueKind.String && method.GetString() == "reconnect")
        {
            return new(ServerFrameKind.Reconnect);
        }

        if (root.TryGetProperty("error", out var error))
        {
            var exception = ErrorOf(error);
            return hasId ? new(ServerFrameKind.Error, idElement.GetInt64(), Error: exception) : new(ServerFrameKind.ConnectionError, Error: exception);
        }

        if (!hasId || !root.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Object)
        {
            return new(ServerFrameKind.Unknown);
        }

        var id = idElement.GetInt64();
        var type = result.TryGetProperty("type", out var typeElement) ? typeElement.GetString() : null;
        switch (type)
        {
            case "started":
                return new(ServerFrameKind.Started, id);
            case "stopped":
                return new(ServerFrameKind.Stopped, id);
            case "data" when result.TryGetProperty("id", out var eventId) && result.TryGetProperty("data", out var envelope)
                             && envelope.ValueKind == JsonValueKind.Object && envelope.TryGetProperty("data", out var tracked):
                return new(ServerFrameKind.Data, id, tracked.Clone(), eventId.ToString());
            case "data":
                return new(ServerFrameKind.Data, id, result.TryGetProperty("data", out var data) ? data.Clone() : null);
            default:
                return new(ServerFrameKind.Unknown);
        }
    }

    private static RealtimeApiException ErrorOf(JsonElement error)
    {
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
}
