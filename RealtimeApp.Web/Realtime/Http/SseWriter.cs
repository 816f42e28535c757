using System.Buffers;
using System.Text.Json;
using RealtimeApp.Web.Realtime.Procedures;
using RealtimeApp.Web.Realtime.Protocol;

namespace RealtimeApp.Web.Realtime.Http;

/// <summary>
/// Writes Server-Sent Events (TRPC_HTTP_PROTOCOL §5, §9.10) to a response, one at a time, each flushed:
/// <c>event:</c> (if any), <c>data:</c> with compact JSON, <c>id:</c> (if any), then a blank line. Remembers when it
/// last wrote, for the keep-alive pings.
/// </summary>
internal sealed class SseWriter(HttpResponse response, TimeProvider time)
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = ProcedureJson.Options.Encoder };

    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _lastWrite = time.GetTimestamp();

    public TimeSpan SinceLastWrite => time.GetElapsedTime(Interlocked.Read(ref _lastWrite));

    public Task ConnectedAsync(TimeSpan reconnectAfterInactivity, CancellationToken cancellationToken) =>
        WriteAsync("connected", writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("reconnectAfterInactivityMs", (long)reconnectAfterInactivity.TotalMilliseconds);
            writer.WriteEndObject();
        }, null, cancellationToken);

    public Task EventAsync(SubscriptionEvent item, CancellationToken cancellationToken) =>
        WriteAsync(null, item.WritePayload, item.EventId, cancellationToken);

    /// <summary>The error object itself, not wrapped in <c>{"error":…}</c> (TRPC_HTTP_PROTOCOL §5.5).</summary>
    public Task ErrorAsync(TrpcError error, string path, CancellationToken cancellationToken) =>
        WriteAsync("serialized-error", writer => TrpcFrames.WriteErrorShape(writer, error, path), null, cancellationToken);

    public Task ReturnAsync(CancellationToken cancellationToken) => WriteAsync("return", null, null, cancellationToken);

    /// <summary>A ping, unless another event is being written (that one keeps the stream alive just as well).</summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        if (await _gate.WaitAsync(0, cancellationToken))
        {
            try
            {
                await WriteLockedAsync("ping", null, null, cancellationToken);
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    private async Task WriteAsync(string? eventName, Action<Utf8JsonWriter>? data, string? id, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await WriteLockedAsync(eventName, data, id, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task WriteLockedAsync(string? eventName, Action<Utf8JsonWriter>? data, string? id, CancellationToken cancellationToken)
    {
        var body = response.BodyWriter;
        if (eventName is not null)
        {
            body.Write("event: "u8);
            body.Write(System.Text.Encoding.UTF8.GetBytes(eventName));
            body.Write("\n"u8);
        }

        body.Write("data: "u8);
        if (data is not null)
        {
            using var writer = new Utf8JsonWriter(body, WriterOptions);
            data(writer);
        }

        body.Write("\n"u8);
        if (id is not null)
        {
            body.Write("id: "u8);
            body.Write(System.Text.Encoding.UTF8.GetBytes(id));
            body.Write("\n"u8);
        }

        body.Write("\n"u8);
        Interlocked.Exchange(ref _lastWrite, time.GetTimestamp());
        await body.FlushAsync(cancellationToken);
    }
}
