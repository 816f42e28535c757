using System.Net.WebSockets;
using System.Text;
using RealtimeApp.Tests.Realtime.Support;

namespace RealtimeApp.Tests.Realtime.Connections;

/// <summary>
/// Behaviour that needs real TCP: permessage-deflate negotiation, a client that stops reading, and the receive path
/// (the server waits for each message with a zero-byte read, then reads it into a pooled buffer that grows as needed).
/// </summary>
public sealed class KestrelTests
{
    private const string Params = """{"method":"connectionParams","data":{"token":"alice-token"}}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Upgrade_NegotiatesPermessageDeflate_OnlyWhenCompressionIsOn(bool compression)
    {
        await using var host = await ApiTestHost.StartAsync(
            new Dictionary<string, string?> { ["Api:Compression"] = compression.ToString() }, kestrel: true);

        await using var client = new TrpcTestClient(await host.ConnectKestrelAsync("?connectionParams=1", options =>
        {
            options.DangerousDeflateOptions = new WebSocketDeflateOptions();
            options.CollectHttpResponseDetails = true;
        }));
        await client.SendAsync(Params);
        await client.SendAsync("""{"id":1,"method":"query","params":{"path":"rooms.list"}}""");

        (await client.ReceiveAsync()).ShouldStartWith("""{"id":1,"result":{"type":"data","data":[{"id":"general""");
        var extensions = ((ClientWebSocket)client.Socket).HttpResponseHeaders?.GetValueOrDefault("Sec-WebSocket-Extensions");
        (extensions?.Any(e => e.Contains("permessage-deflate", StringComparison.Ordinal)) ?? false).ShouldBe(compression);
    }

    [Fact]
    public async Task SlowConsumer_IsClosedWith4008_WhileAnotherConnectionReceivesEverything()
    {
        await using var host = await ApiTestHost.StartAsync(
            new Dictionary<string, string?> { ["Api:SendQueueBytes"] = "65536", ["Api:CloseTimeoutSeconds"] = "60" }, kestrel: true);
        await using var slow = new TrpcTestClient(await host.ConnectKestrelAsync("?connectionParams=1"));
        await using var healthy = new TrpcTestClient(await host.ConnectKestrelAsync("?connectionParams=1"));
        await healthy.SendAsync(Params);
        await healthy.SendAsync("""{"id":1,"method":"query","params":{"path":"whoami"}}""");
        await healthy.ReceiveAsync();
        var healthyId = host.Registry.Connections.Single(c => c.UserId is not null).Id;

        await slow.SendAsync(Params);
        await slow.SendAsync("""{"id":1,"method":"subscription","params":{"path":"flood"}}""");
        await Eventually.WaitUntilAsync(() => host.Registry.Connections.Any(c => c.Id != healthyId && c.IsClosing), "the slow consumer is being closed");
        await healthy.SendAsync("""{"id":2,"method":"subscription","params":{"path":"progress","input":{"taskId":"t"}}}""");
        var healthyFrames = await healthy.ReceiveAsync(5);
        var (status, floodFrames) = await slow.ReceiveCloseAsync();

        healthyFrames[^1].ShouldBe("""{"id":2,"result":{"type":"stopped"}}""");
        healthyFrames.Count(f => f.Contains("\"type\":\"data\"")).ShouldBe(3);
        ((int?)status).ShouldBe(4008);
        slow.Socket.CloseStatusDescription.ShouldBe("send queue overflow");
        floodFrames[0].ShouldBe("""{"id":1,"result":{"type":"started"}}""");
        floodFrames.Skip(1).ShouldAllBe(f => Encoding.UTF8.GetByteCount(f) > 16 * 1024);
    }

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
