using System.Globalization;
using System.Net.WebSockets;

namespace RealtimeApp.Web.Realtime.Transport;

/// <summary>The permessage-deflate settings agreed with a client, and the <c>Sec-WebSocket-Extensions</c> value that says so.</summary>
internal sealed record PermessageDeflate(WebSocketDeflateOptions Options, string Response)
{
    public const string Name = "permessage-deflate";

    private const int LargestWindowBits = 15;

    // 8 is allowed by RFC 7692 but not supported by .NET's zlib, so an offer that insists on it is declined.
    private const int SmallestWindowBits = 9;

    /// <summary>
    /// Accepts the first permessage-deflate offer of the client's <c>Sec-WebSocket-Extensions</c> headers that the server
    /// can honour (RFC 7692 §7); null when there is none, and the connection goes uncompressed. An offer with an
    /// unknown or repeated parameter, or a window size out of range, is declined as the RFC requires.
    /// </summary>
    public static PermessageDeflate? Negotiate(IEnumerable<string> extensionHeaders)
    {
        ArgumentNullException.ThrowIfNull(extensionHeaders);

        return extensionHeaders
            .SelectMany(header => header.Split(',', StringSplitOptions.TrimEntries))
            .Select(TryAccept)
            .FirstOrDefault(accepted => accepted is not null);
    }

    private static PermessageDeflate? TryAccept(string offer)
    {
        var parts = offer.Split(';', StringSplitOptions.TrimEntries);
        if (parts[0] != Name)
        {
            return null;
        }

        var options = new WebSocketDeflateOptions();
        var clientNoContextTakeover = false;
        var serverNoContextTakeover = false;
        int? clientBits = null;
        int? serverBits = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in parts.Skip(1))
        {
            var (name, value) = Split(parameter);
            var accepted = seen.Add(name) && name switch
            {
                "client_no_context_takeover" => value is null && (clientNoContextTakeover = true),
                "server_no_context_takeover" => value is null && (serverNoContextTakeover = true),
                "client_max_window_bits" => TryWindowBits(value ?? "15", out clientBits),
                "server_max_window_bits" => value is not null && TryWindowBits(value, out serverBits),
                _ => false,
            };
            if (!accepted)
            {
                return null;
            }
        }

        options.ClientContextTakeover = !clientNoContextTakeover;
        options.ServerContextTakeover = !serverNoContextTakeover;
        options.ClientMaxWindowBits = clientBits ?? LargestWindowBits;
        options.ServerMaxWindowBits = serverBits ?? LargestWindowBits;
        return new PermessageDeflate(options, Describe(clientNoContextTakeover, serverNoContextTakeover, clientBits, serverBits));
    }

    private static (string Name, string? Value) Split(string parameter)
    {
        var equals = parameter.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            return (parameter, null);
        }

        var value = parameter[(equals + 1)..].Trim();
        if (value.Length > 1 && value[0] == '"' && value[^1] == '"')
        {
            value = value[1..^1];
        }

        return (parameter[..equals].TrimEnd(), value);
    }

    private static bool TryWindowBits(string value, out int? bits)
    {
        var valid = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            && parsed is >= SmallestWindowBits and <= LargestWindowBits;
        bits = valid ? parsed : null;
        return valid;
    }

    /// <summary>The response names only what the client offered (RFC 7692 §7.1.2.2: no client_max_window_bits unless offered).</summary>
    private static string Describe(bool clientNoContextTakeover, bool serverNoContextTakeover, int? clientBits, int? serverBits)
    {
        var response = Name;
        if (clientNoContextTakeover)
        {
            response += "; client_no_context_takeover";
        }

        if (serverNoContextTakeover)
        {
            response += "; server_no_context_takeover";
        }

        if (clientBits is { } client)
        {
            response += string.Create(CultureInfo.InvariantCulture, $"; client_max_window_bits={client}");
        }

        if (serverBits is { } server)
        {
            response += string.Create(CultureInfo.InvariantCulture, $"; server_max_window_bits={server}");
        }

        return response;
    }
}
