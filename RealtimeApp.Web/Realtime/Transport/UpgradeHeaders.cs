using System.Buffers;
using System.Text;

namespace RealtimeApp.Web.Realtime.Transport;

/// <summary>Collects the header lines of an upgrade request that <see cref="UpgradeHeadParser"/> needs, and refuses the rest.</summary>
internal sealed class UpgradeHeaders
{
    private const int KeyLength = 24;
    private const int KeyBytes = 16;

    private static readonly SearchValues<byte> TokenBytes =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    private static readonly SearchValues<char> HostChars =
        SearchValues.Create("-.:[]_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private readonly List<string> _extensions = [];
    private readonly List<string> _upgrade = [];
    private readonly List<string> _connection = [];
    private string? _host;
    private string? _key;
    private string? _version;
    private string? _origin;
    private string? _authorization;

    /// <summary>Takes one <c>name: value</c> line (without its CRLF); false when the request must go to Kestrel's HTTP server.</summary>
    public bool TryAdd(ReadOnlySpan<byte> line)
    {
        var colon = line.IndexOf((byte)':');
        if (colon <= 0 || line[..colon].ContainsAnyExcept(TokenBytes))
        {
            return false;
        }

        var name = line[..colon];
        var value = line[(colon + 1)..].Trim(" \t"u8);
        if (value.ContainsAnyExceptInRange((byte)0x20, (byte)0x7E))
        {
            return false;
        }

        var text = Encoding.ASCII.GetString(value);
        return name switch
        {
            _ when Is(name, "Host"u8) => Single(ref _host, text),
            _ when Is(name, "Sec-WebSocket-Key"u8) => Single(ref _key, text),
            _ when Is(name, "Sec-WebSocket-Version"u8) => Single(ref _version, text),
            _ when Is(name, "Origin"u8) => Single(ref _origin, text),
            _ when Is(name, "Authorization"u8) => Single(ref _authorization, text),
            _ when Is(name, "Sec-WebSocket-Extensions"u8) => Add(_extensions, text),
            _ when Is(name, "Upgrade"u8) => Add(_upgrade, text),
            _ when Is(name, "Connection"u8) => Add(_connection, text),

            // A browser's connection authenticates with its cookie, which the app's authentication handler reads (and
            // may renew) in the HTTP pipeline; a request with a body is no upgrade.
            _ when Is(name, "Cookie"u8) || Is(name, "Content-Length"u8) || Is(name, "Transfer-Encoding"u8) => false,
            _ => true,
        };
    }

    /// <summary>The upgrade, or null when a header it needs is missing or wrong.</summary>
    public UpgradeHead? ToHead(string query, int length)
    {
        var isUpgrade = _host is { Length: > 0 } host && !host.AsSpan().ContainsAnyExcept(HostChars)
            && HasToken(_upgrade, "websocket") && HasToken(_connection, "Upgrade")
            && _version == "13" && IsValidKey(_key);
        return isUpgrade ? new UpgradeHead(query, _host!, _key!, _origin, _authorization, _extensions, length) : null;
    }

    private static bool Is(ReadOnlySpan<byte> name, ReadOnlySpan<byte> expected) => Ascii.EqualsIgnoreCase(name, expected);

    private static bool Single(ref string? field, string value)
    {
        if (field is not null)
        {
            return false;
        }

        field = value;
        return true;
    }

    private static bool Add(List<string> values, string value)
    {
        values.Add(value);
        return true;
    }

    private static bool HasToken(List<string> values, string token) =>
        values.Any(value => value.Split(',', StringSplitOptions.TrimEntries).Contains(token, StringComparer.OrdinalIgnoreCase));

    private static bool IsValidKey(string? key)
    {
        Span<byte> decoded = stackalloc byte[KeyBytes];
        return key is { Length: KeyLength } && Convert.TryFromBase64String(key, decoded, out var written) && written == KeyBytes;
    }
}
