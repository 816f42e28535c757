using System.Net.Sockets;
using System.Text;

namespace RealtimeApp.Tests.Realtime.Support;

/// <summary>A bare TCP client for byte-exact HTTP and WebSocket handshake tests against a Kestrel host.</summary>
public sealed class RawTcpPeer : IAsyncDisposable
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(15);
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly List<byte> _received = [];

    private RawTcpPeer(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
    }

    public static async Task<RawTcpPeer> ConnectAsync(Uri uri)
    {
        var client = new TcpClient();
        await client.ConnectAsync(uri.Host, uri.Port, TestContext.Current.CancellationToken);
        return new RawTcpPeer(client);
    }

    public async Task SendAsync(string ascii) => await SendAsync(Encoding.ASCII.GetBytes(ascii));

    public async Task SendAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes, TestContext.Current.CancellationToken);
        await _stream.FlushAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Everything up to and including the first empty line (an HTTP response head); what follows stays buffered.</summary>
    public async Task<string> ReadHeadAsync()
    {
        var end = await ReadUntilAsync(bytes => IndexOf(bytes, "\r\n\r\n"u8) is var i and >= 0 ? i + 4 : -1);
        return Encoding.ASCII.GetString(Take(end));
    }

    /// <summary>Exactly <paramref name="count"/> bytes.</summary>
    public async Task<byte[]> ReadBytesAsync(int count) => Take(await ReadUntilAsync(bytes => bytes.Count >= count ? count : -1));

    /// <summary>Everything the server sends until it closes the connection.</summary>
    public async Task<string> ReadToEndAsync()
    {
        var end = await ReadUntilClosedAsync();
        return Encoding.ASCII.GetString(Take(end));
    }

    /// <summary>True when the server closes the connection (end of stream) before the timeout; what it sent before is dropped.</summary>
    public async Task<bool> WaitForCloseAsync(TimeSpan timeout)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout);
        var buffer = new byte[4096];
        try
        {
            while (await _stream.ReadAsync(buffer, cts.Token) > 0)
            {
            }

            return true;
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _client.Dispose();
    }

    private async Task<int> ReadUntilAsync(Func<List<byte>, int> complete)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(ReadTimeout);
        var buffer = new byte[4096];
        while (complete(_received) is var end && end < 0)
        {
            var read = await _stream.ReadAsync(buffer, cts.Token);
            if (read == 0)
            {
                throw new InvalidOperationException($"The server closed the connection after: {Encoding.ASCII.GetString([.. _received])}");
            }

            _received.AddRange(buffer.AsSpan(0, read));
        }

        return complete(_received);
    }

    private async Task<int> ReadUntilClosedAsync()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(ReadTimeout);
        var buffer = new byte[4096];
        int read;
        while ((read = await _stream.ReadAsync(buffer, cts.Token)) > 0)
        {
            _received.AddRange(buffer.AsSpan(0, read));
        }

        return _received.Count;
    }

    private byte[] Take(int count)
    {
        var taken = _received.GetRange(0, count).ToArray();
        _received.RemoveRange(0, count);
        return taken;
    }

    private static int IndexOf(List<byte> bytes, ReadOnlySpan<byte> value) => ((ReadOnlySpan<byte>)[.. bytes]).IndexOf(value);
}
