using System.Buffers;
using System.Net.WebSockets;

namespace RealtimeApp.Web.Realtime.Connections;

/// <summary>One received WebSocket message: its bytes in a pooled buffer (or none), and the last receive's result.</summary>
internal readonly record struct ReceivedMessage(byte[] Buffer, int Count, bool TooBig, ValueWebSocketReceiveResult Last)
{
    public void ReturnBuffer()
    {
        if (Buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(Buffer);
        }
    }
}
