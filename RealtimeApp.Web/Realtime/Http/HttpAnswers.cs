using System.Buffers;
using System.Globalization;
using System.Text.Json;
using RealtimeApp.Web.Realtime.Protocol;

namespace RealtimeApp.Web.Realtime.Http;

/// <summary>
/// Writes <c>/api/trpc</c> answers (TRPC_HTTP_PROTOCOL §2.3–2.4, §3, §4): one object for a single call or a failed
/// request, an array for a batch (status 207 when its entries disagree), or JSON Lines as each call finishes.
/// </summary>
internal static class HttpAnswers
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = ProcedureJson.Options.Encoder };
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    /// <summary>An error that fails the whole request: one <c>{"error":…}</c> object without a path.</summary>
    public static Task WriteRequestErrorAsync(HttpResponse response, TrpcError error) =>
        WriteJsonAsync(response, error.Code.HttpStatus, null, writer =>
        {
            writer.WriteStartObject();
            TrpcFrames.WriteError(writer, error, null);
            writer.WriteEndObject();
        });

    /// <summary>All calls done: one object (not batched) or an array in call order.</summary>
    public static Task WriteAsync(HttpResponse response, HttpRequestHead head, IReadOnlyList<HttpCallOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(outcomes);

        var status = outcomes.Select(o => o.Status).Distinct().Count() == 1 ? outcomes[0].Status : StatusCodes.Status207MultiStatus;
        var allow = outcomes.Select(o => o.Allow).FirstOrDefault(a => a is not null);
        return WriteJsonAsync(response, status, allow, writer =>
        {
            if (!head.IsBatch)
            {
                outcomes[0].WriteEntry(writer, head.Calls[0].Path);
                return;
            }

            writer.WriteStartArray();
            for (var i = 0; i < outcomes.Count; i++)
            {
                outcomes[i].WriteEntry(writer, head.Calls[i].Path);
            }

            writer.WriteEndArray();
        });
    }

    /// <summary>
    /// JSON Lines (§4.3): a head with one placeholder per call, then <c>[index,0,[[entry]]]</c> per call as it finishes,
    /// each flushed. Always 200: errors travel inside the stream.
    /// </summary>
    public static async Task StreamAsync(HttpResponse response, HttpRequestHead head, IEnumerable<Task<HttpCallOutcome>> calls)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(head);

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        await WriteLineAsync(response, writer =>
        {
            writer.WriteStartObject();
            foreach (var call in head.Calls)
            {
                writer.WriteStartArray(call.Index.ToString(CultureInfo.InvariantCulture));
                writer.WriteStartArray();
                writer.WriteNumberValue(0);
                writer.WriteEndArray();
                writer.WriteStartArray();
                writer.WriteNullValue();
                writer.WriteNumberValue(0);
                writer.WriteNumberValue(call.Index);
                writer.WriteEndArray();
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        });

        var pending = calls.Select((task, index) => (task, index)).ToDictionary(pair => (Task)pair.task, pair => pair.index);
        while (pending.Count > 0)
        {
            var done = await Task.WhenAny(pending.Keys);
            var index = pending[done];
            pending.Remove(done);
            var outcome = await (Task<HttpCallOutcome>)done;
            await WriteLineAsync(response, writer =>
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(index);
                writer.WriteNumberValue(0);
                writer.WriteStartArray();
                writer.WriteStartArray();
                outcome.WriteEntry(writer, head.Calls[index].Path);
                writer.WriteEndArray();
                writer.WriteEndArray();
                writer.WriteEndArray();
            });
        }
    }

    private static Task WriteLineAsync(HttpResponse response, Action<Utf8JsonWriter> write) => WriteFlushedAsync(response, write, NewLine);

    private static Task WriteJsonAsync(HttpResponse response, int status, string? allow, Action<Utf8JsonWriter> write)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        if (allow is not null)
        {
            response.Headers.Allow = allow;
        }

        return WriteFlushedAsync(response, write, []);
    }

    private static async Task WriteFlushedAsync(HttpResponse response, Action<Utf8JsonWriter> write, byte[] after)
    {
        using (var writer = new Utf8JsonWriter(response.BodyWriter, WriterOptions))
        {
            write(writer);
        }

        response.BodyWriter.Write(after);
        await response.BodyWriter.FlushAsync(response.HttpContext.RequestAborted);
    }
}
