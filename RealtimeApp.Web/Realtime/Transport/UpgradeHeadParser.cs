using System.Text;

namespace RealtimeApp.Web.Realtime.Transport;

/// <summary>
/// Recognises a connection's first request when it is a plain WebSocket upgrade for <c>/api/ws</c> (RFC 6455 §4.2.1
/// over HTTP/1.1). It is deliberately narrow: whatever it does not recognise in full, including every request with a
/// cookie, a body, an unusual character or a repeated header that must be single, is <see cref="UpgradeHeadStatus.NotDirect"/>
/// and goes to Kestrel's HTTP server, which answers it as for any other request (a 400, a 431, or the API's HTTP path).
/// </summary>
internal static class UpgradeHeadParser
{
    public const int MaxHeadBytes = 8 * 1024;
    private const int MaxHeaderLines = 64;

    private static ReadOnlySpan<byte> Method => "GET "u8;

    private static ReadOnlySpan<byte> Path => "/api/ws"u8;

    private static ReadOnlySpan<byte> Version => " HTTP/1.1"u8;

    private static ReadOnlySpan<byte> LineEnd => "\r\n"u8;

    private static ReadOnlySpan<byte> HeadEnd => "\r\n\r\n"u8;

    public static UpgradeHeadStatus Parse(ReadOnlySpan<byte> bytes, out UpgradeHead? head)
    {
        head = null;
        var start = Method.Length + Path.Length;
        if (!StartsLikeApiRequest(bytes))
        {
            return UpgradeHeadStatus.NotDirect;
        }

        if (bytes.Length <= start)
        {
            return UpgradeHeadStatus.Incomplete;
        }

        if (bytes[start] is not ((byte)' ' or (byte)'?'))
        {
            return UpgradeHeadStatus.NotDirect;
        }

        var end = bytes.IndexOf(HeadEnd);
        if (end < 0 || end + HeadEnd.Length > MaxHeadBytes)
        {
            return bytes.Length >= MaxHeadBytes ? UpgradeHeadStatus.NotDirect : UpgradeHeadStatus.Incomplete;
        }

        head = Read(bytes[..(end + LineEnd.Length)], end + HeadEnd.Length);
        return head is null ? UpgradeHeadStatus.NotDirect : UpgradeHeadStatus.Upgrade;
    }

    private static bool StartsLikeApiRequest(ReadOnlySpan<byte> bytes)
    {
        var method = bytes[..Math.Min(bytes.Length, Method.Length)];
        var path = bytes[method.Length..Math.Min(bytes.Length, Method.Length + Path.Length)];
        return Method.StartsWith(method) && Ascii.EqualsIgnoreCase(path, Path[..path.Length]);
    }

    /// <summary>Reads the request line and the header lines (each ending in CRLF); null when anything is not as expected.</summary>
    private static UpgradeHead? Read(ReadOnlySpan<byte> lines, int length)
    {
        var lineEnd = lines.IndexOf(LineEnd);
        var query = ReadQuery(lines[..lineEnd]);
        if (query is null)
        {
            return null;
        }

        var headers = new UpgradeHeaders();
        var remaining = lines[(lineEnd + LineEnd.Length)..];
        for (var count = 0; !remaining.IsEmpty; count++)
        {
            lineEnd = remaining.IndexOf(LineEnd);
            if (count == MaxHeaderLines || !headers.TryAdd(remaining[..lineEnd]))
            {
                return null;
            }

            remaining = remaining[(lineEnd + LineEnd.Length)..];
        }

        return headers.ToHead(query, length);
    }

    /// <summary>The query of <c>GET /api/ws[?query] HTTP/1.1</c> ("" without one); null for any other request line.</summary>
    private static string? ReadQuery(ReadOnlySpan<byte> requestLine)
    {
        if (!requestLine.EndsWith(Version))
        {
            return null;
        }

        var target = requestLine[Method.Length..^Version.Length];
        var rest = target[Path.Length..];
        if (rest.IsEmpty)
        {
            return string.Empty;
        }

        var query = rest[1..];
        return rest[0] == (byte)'?' && query.IndexOfAnyExceptInRange((byte)0x21, (byte)0x7E) < 0 && !query.Contains((byte)'#')
            ? Encoding.ASCII.GetString(query)
            : null;
    }
}
