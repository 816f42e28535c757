using System.Net.Sockets;
using System.Text;
using RealtimeApp.Tests.Realtime.Http.Support;
using RealtimeApp.Tests.Realtime.Support;
using static RealtimeApp.Tests.Realtime.Http.Support.TrpcHttp;

namespace RealtimeApp.Tests.Realtime.Http;

/// <summary>
/// A Server-Sent Events reader that stops reading is bounded like a WebSocket's send queue (<c>Api:SendQueueBytes</c>):
/// its stream is cut off, so its client reconnects and resumes, while other streams go on. Real TCP: the bound only
/// matters once the kernel's buffers are full.
/// </summary>
public sealed class SseSlowReaderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SlowReader_IsCutOffWithoutReturn_WhileAnotherStreamReceivesEverything()
    {
        await using var host = await ApiTestHost.StartAsync(new Dictionary<string, string?> { ["Api:SendQueueBytes"] = "65536" }, kestrel: true);
        using var slow = await OpenUnreadStreamAsync(host.HttpAddress!, Base + "flood");
        await Eventually.WaitUntilAsync(
            () => host.Logs.Entries.Any(e => e.Message.Contains("bytes waiting to be sent", StringComparison.Ordinal)),
            "the slow reader's stream is ended");

        await using var healthy = await SseStream.OpenAsync(host.CreateHttpClient(), Base + "finite", TestApiAuthenticator.BobToken);
        var healthyEvents = new[] { await healthy.NextAsync(), await healthy.NextNotPingAsync(), await healthy.NextNotPingAsync(), await healthy.NextNotPingAsync() };
        var (received, reset) = await ReadUntilCutOffAsync(slow);

        healthyEvents.ShouldBe([SseEvents.Connected, SseEvents.Data("1"), SseEvents.Data("2"), SseEvents.Return]);
        if (!reset)
        {
            // An orderly close leaves what was sent readable; a reset lets the kernel drop what it had buffered.
            received.ShouldStartWith("HTTP/1.1 200 OK");
            received.ShouldContain("event: connected");
        }

        received.ShouldNotContain("event: return");
        received.ShouldNotEndWith("0\r\n\r\n"); // cut off, not a finished chunked response
        await Eventually.WaitUntilAsync(() => host.Registry.Count == 0, "the stream has left the registry");
    }

    /// <summary>Sends the request from a socket with a small receive buffer and reads nothing.</summary>
    private static async Task<Socket> OpenUnreadStreamAsync(Uri server, string target)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        await socket.ConnectAsync(server.Host, server.Port, Ct);
        var request = $"GET {target} HTTP/1.1\r\nHost: {server.Authority}\r\nAccept: text/event-stream\r\nAuthorization: Bearer {TestApiAuthenticator.AliceToken}\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(request), SocketFlags.None, Ct);
        return socket;
    }

    /// <summary>What the server sent before it cut the stream off, and whether the end was a reset rather than an orderly close.</summary>
    private static async Task<(string Received, bool Reset)> ReadUntilCutOffAsync(Socket socket)
    {
        var received = new MemoryStream();
        var buffer = new byte[64 * 1024];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionReset)
        {
            return (Encoding.UTF8.GetString(received.ToArray()), Reset: true);
        }

        return (Encoding.UTF8.GetString(received.ToArray()), Reset: false);
    }
}
