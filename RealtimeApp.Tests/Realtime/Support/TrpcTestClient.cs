using System.Net.WebSockets;
using System.Text;

namespace RealtimeApp.Tests.Realtime.Support;

/// <summary>A raw WebSocket peer for the API: sends text, receives whole messages with a timeout, observes the close.</summary>
public sealed class TrpcTestClient(WebSocket socket) : IAsyncDisposable
{
    private static readonly TimeSpan ReceiveTimeout = TimeSpan.FromSeconds(15);

    public WebSocket Socket { get; } = socket;

    public Task SendAsync(string text) =>
        Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, TestContext.Current.CancellationToken);

    public Task SendBinaryAsync(byte[] data) =>
        Socket.SendAsync(data, WebSocketMessageType.Binary, true, TestContext.Current.CancellationToken);

    /// <summary>The next text message; fails when the server closes instead.</summary>
    public async Task<string> ReceiveAsync()
    {
        var (type, text) = await ReceiveMessageAsync();
        return type == WebSocketMessageType.Close
            ? throw new InvalidOperationException($"The server closed the socket ({Socket.CloseStatus}) instead of sending a message.")
            : text;
    }

    public async Task<List<string>> ReceiveAsync(int count)
    {
        var messages = new List<string>();
        for (var i = 0; i < count; i++)
        {
            messages.Add(await ReceiveAsync());
        }

        return messages;
    }

    /// <summary>Reads until the server's close frame, completes the handshake and returns the status (Empty for 1005).</summary>
    public async Task<(WebSocketCloseStatus? Status, List<string> Messages)> ReceiveCloseAsync()
    {
        var messages = new List<string>();
        while (true)
        {
            var (type, text) = await ReceiveMessageAsync();
            if (type == WebSocketMessageType.Close)
            {
                await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, TestContext.Current.CancellationToken);
                return (Socket.CloseStatus, messages);
            }

            messages.Add(text);
        }
    }

    /// <summary>Proves that nothing was sent for what came before: <c>PING</c> is answered after every earlier frame (§6).</summary>
    public async Task ExpectNothingBeforePongAsync()
    {
        await SendAsync("PING");
        (await ReceiveAsync()).ShouldBe("PONG");
    }

    public async Task<(WebSocketMessageType Type, string Text)> ReceiveMessageAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(ReceiveTimeout);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await Socket.ReceiveAsync(buffer, timeout.Token);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return (result.MessageType, Encoding.UTF8.GetString(message.ToArray()));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or OperationCanceledException)
        {
            // Already broken; nothing to close.
        }

        Socket.Dispose();
    }
}
