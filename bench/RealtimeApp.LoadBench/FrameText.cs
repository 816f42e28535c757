using System.Buffers.Text;

namespace RealtimeApp.LoadBench;

/// <summary>
/// The publish timestamp a benchmark message carries as its text (<c>"text":"t&lt;Stopwatch ticks&gt;"</c>), and what
/// the benchmark reads from the answers to its requests.
/// </summary>
public static class FrameText
{
    private static readonly byte[] Marker = "\"text\":\"t"u8.ToArray();
    private static readonly byte[] SequenceMarker = "\"sequence\":"u8.ToArray();

    public static string Message(long timestamp) => "t" + timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The timestamp of a benchmark message's text (<c>t&lt;ticks&gt;</c>).</summary>
    public static bool TryReadTimestamp(string text, out long timestamp)
    {
        timestamp = 0;
        return text.StartsWith('t') && long.TryParse(text.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out timestamp);
    }

    public static bool TryReadTimestamp(ReadOnlySpan<byte> frame, out long timestamp)
    {
        timestamp = 0;
        var at = frame.IndexOf(Marker);
        return at >= 0 && Utf8Parser.TryParse(frame[(at + Marker.Length)..], out timestamp, out _);
    }

    /// <summary>The request id an answer starts with (<c>{"id":N,…</c>, as the server writes its envelope).</summary>
    public static bool TryReadRequestId(ReadOnlySpan<byte> frame, out long id)
    {
        id = 0;
        return frame.StartsWith("{\"id\":"u8) && Utf8Parser.TryParse(frame[6..], out id, out _);
    }

    /// <summary>The room sequence a Message in <paramref name="frame"/> carries (<c>"sequence":N</c>).</summary>
    public static bool TryReadSequence(ReadOnlySpan<byte> frame, out long sequence)
    {
        sequence = 0;
        var at = frame.IndexOf(SequenceMarker);
        return at >= 0 && Utf8Parser.TryParse(frame[(at + SequenceMarker.Length)..], out sequence, out _);
    }

    public static bool IsError(ReadOnlySpan<byte> frame) => frame.IndexOf("\"error\""u8) >= 0;
}
