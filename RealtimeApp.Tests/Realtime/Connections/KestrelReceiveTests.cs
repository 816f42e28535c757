using System.Net.WebSockets;
using System.Text;
using RealtimeApp.Tests.Realtime.Support;

namespace RealtimeApp.Tests.Realtime.Connections;

/// <summary>
/// The receive path on real TCP, where the server waits for each message with a zero-byte read and then reads it
/// into a pooled buffer that grows as needed.
/// </summary>
public sealed class KestrelReceiveTests
{
    private const string Params = """{"method":"connectionParams","data":{"token":"alice-token"}}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EmptyTextFrame_GetsParseError_AndTheNextRequestIsAnswered()
    {
        await using var host = await ApiTestHost.StartAsync(kestrel: true);
        await using var client = new TrpcTestClient(await host.ConnectKestrelAsync("?connectionParams=1"));
        await client.SendAsync(Params);

        await client.SendAsync("");
        var error = await client.ReceiveAsync();
        await client.SendAsync("""{"id":1,"method":"query","params":{"path":"fast"}}""");

        error.ShouldStartWith("""{"id":null,"error":{"message":""");
        error.ShouldEndWith(""","code":-32700,"data":{"code":"PARSE_ERROR","httpStatus":400}}}""");
        (await client.ReceiveAsync()).ShouldBe("""{"id":1,"result":{"type":"data","data":"fast"}}""");
    }

    [Fact]
    public async Task LargeMessage_InSmallFragments_IsReadWhole()
    {
        await using var host = await ApiTestHost.StartAsync(kestrel: true);
        await using var client = new TrpcTestClient(await host.ConnectKestrelAsync("?connectionParams=1"));
        await client.SendAsync(Params);
        var text = new string('a', 40_000); // far beyond the first receive buffer
        var frame = Encoding.UTF8.GetBytes($$$"""{"id":7,"method":"query","params":{"path":"echo","input":"{{{text}}}"}}""");

        for (var offset = 0; offset < frame.Length; offset += 1_000)
        {
            var length = Math.Min(1_000, frame.Length - offset);
            await client.Socket.SendAsync(frame.AsMemory(offset, length), WebSocketMessageType.Text, endOfMessage: offset + length == frame.Length, Ct);
        }

        (await client.ReceiveAsync()).ShouldBe($$$$"""{"id":7,"result":{"type":"data","data":{"got":"{{{{text}}}}"}}}""");
    }
}
