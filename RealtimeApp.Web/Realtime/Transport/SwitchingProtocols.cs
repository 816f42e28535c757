using System.Security.Cryptography;
using System.Text;

namespace RealtimeApp.Web.Realtime.Transport;

/// <summary>The server's side of the WebSocket opening handshake (RFC 6455 §4.2.2).</summary>
internal static class SwitchingProtocols
{
    private static ReadOnlySpan<byte> KeyGuid => "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"u8;

    /// <summary>The <c>101 Switching Protocols</c> response, with the negotiated extension when there is one.</summary>
    public static byte[] Response(string key, PermessageDeflate? deflate)
    {
        var response = new StringBuilder("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n")
            .Append("Sec-WebSocket-Accept: ").Append(AcceptKey(key)).Append("\r\n");
        if (deflate is not null)
        {
            response.Append("Sec-WebSocket-Extensions: ").Append(deflate.Response).Append("\r\n");
        }

        return Encoding.ASCII.GetBytes(response.Append("\r\n").ToString());
    }

    /// <summary>Base64 of SHA-1 over the client's key and the protocol's GUID: proof that the server read the handshake.</summary>
    public static string AcceptKey(string key)
    {
        var input = new byte[Encoding.ASCII.GetByteCount(key) + KeyGuid.Length];
        var written = Encoding.ASCII.GetBytes(key, input);
        KeyGuid.CopyTo(input.AsSpan(written));
        return Convert.ToBase64String(SHA1.HashData(input));
    }
}
