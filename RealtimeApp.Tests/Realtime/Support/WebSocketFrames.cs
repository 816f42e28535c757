using System.Text;

namespace RealtimeApp.Tests.Realtime.Support;

/// <summary>Single short WebSocket frames (RFC 6455 §5.2) for byte-level tests.</summary>
public static class WebSocketFrames
{
    /// <summary>A client's final text frame: masked, as a client must send it; payload under 126 bytes.</summary>
    public static byte[] ClientText(string text)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        if (payload.Length >= 126)
        {
            throw new ArgumentException("Only short frames are supported.", nameof(text));
        }

        byte[] mask = [0x12, 0x34, 0x56, 0x78];
        var frame = new byte[2 + mask.Length + payload.Length];
        frame[0] = 0x81;
        frame[1] = (byte)(0x80 | payload.Length);
        mask.CopyTo(frame, 2);
        for (var i = 0; i < payload.Length; i++)
        {
            frame[6 + i] = (byte)(payload[i] ^ mask[i % 4]);
        }

        return frame;
    }

    /// <summary>Reads one short unmasked server text frame and returns its text.</summary>
    public static async Task<string> ReadServerTextAsync(RawTcpPeer peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var header = await peer.ReadBytesAsync(2);
        if (header[0] != 0x81 || header[1] >= 126)
        {
            throw new InvalidOperationException($"Expected a short final text frame, got {header[0]:X2} {header[1]:X2}.");
        }

        return Encoding.UTF8.GetString(await peer.ReadBytesAsync(header[1]));
    }
}
