using System.Text.Json;
using RealtimeApp.Web.Realtime.Protocol;

namespace RealtimeApp.Web.Realtime.Http;

/// <summary>
/// How one call ended: its result (<see cref="WriteData"/> null for a void result) or its error; <see cref="Allow"/> is
/// the method the procedure takes, for a 405.
/// </summary>
internal sealed record HttpCallOutcome(Action<Utf8JsonWriter>? WriteData, TrpcError? Error, string? Allow = null)
{
    public int Status => Error?.Code.HttpStatus ?? StatusCodes.Status200OK;

    public static HttpCallOutcome Failed(TrpcError error, string? allow = null) => new(null, error, allow);

    /// <summary>The batch entry: <c>{"result":{"data":…}}</c>, <c>{"result":{}}</c> or <c>{"error":…}</c>.</summary>
    public void WriteEntry(Utf8JsonWriter writer, string path)
    {
        ArgumentNullException.ThrowIfNull(writer);

        writer.WriteStartObject();
        if (Error is { } error)
        {
            TrpcFrames.WriteError(writer, error, path);
        }
        else
        {
            writer.WriteStartObject("result");
            if (WriteData is { } writeData)
            {
                writer.WritePropertyName("data");
                writeData(writer);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
