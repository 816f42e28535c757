using System.Diagnostics;
using System.Text.Json;
using RealtimeApp.Web.Realtime.Protocol;

namespace RealtimeApp.Web.Realtime.Procedures;

/// <summary>
/// A payload already serialized (UTF-8 JSON, <see cref="ProcedureJson.Options"/>) and written into frames as is, so one
/// event fanned out to many subscribers is serialized once (see <see cref="SharedPayloads"/>).
/// </summary>
public sealed class SerializedJson
{
    private SerializedJson(byte[] utf8) => Utf8 = utf8;

    public ReadOnlyMemory<byte> Utf8 { get; }

    /// <summary>The span that published the event this payload was made from, when it was traced (set by <see cref="SharedPayloads"/>).</summary>
    public ActivityContext Published { get; internal set; }

    public static SerializedJson From<T>(T value) => new(JsonSerializer.SerializeToUtf8Bytes(value, ProcedureJson.Options));

    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(Utf8.Span, skipInputValidation: true);
    }
}
