using System.Net.WebSockets;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Tests.Realtime.Support;
using RealtimeApp.Web.Realtime.Connections;

namespace RealtimeApp.Tests.Realtime.Transport;

/// <summary>
/// Upgrades accepted on Kestrel's connection directly (<c>Api:DirectConnections</c>), and everything that must still
/// reach the HTTP pipeline: other requests, upgrades with cookies, malformed or late upgrades, a second request.
/// </summary>
public sealed class DirectUpgradeTests
{
    private const string Params = """{"method":"connectionParams","data":{"token":"alice-token"}}""";

    // The sample handshake of RFC 6455 §1.3.
    private const string SampleKey = "dGhlIHNhbXBsZSBub25jZQ==";
    private const string SampleAccept = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Upgrade(string target = "/api/ws", string extraHeaders = "") =>
        $"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {SampleKey}\r\nSec-WebSocket-Version: 13\r\n{extraHeaders}\r\n";

    [Theory]
    [InlineData(true, ApiTransport.Direct)]
    [InlineData(false, ApiTransport.HttpPipeline)]
    public async Task TokenConnection_IsAcceptedDirectly_OnlyWhenDirectConnectionsIsOn(bool direct, ApiTransport expected)
    {
        await using var host = await ApiTestHost.StartAsync(
            new Dictionary<string, string?> { ["Api:DirectConnections"] = direct.ToString() }, kestrel: true);
        await using var client = new TrpcTestClient(await host.ConnectKestrelAsync("?connectionParams=1"));

        await client.SendAsync(Params);
        await client.SendAsync("""{"id":1,"method":"query","params":{"path":"whoami"}}""");

        (await client.ReceiveAsync()).ShouldBe("""{"id":1,"result":{"type":"data","data":{"user":"alice","token":"alice-token"}}}""");
        var connection = host.Registry.Connections.ShouldHaveSingleItem();
        connection.Transport.ShouldBe(expected);
        connection.RemoteAddress.ShouldBe("127.0.0.1");
    }

    [Fact]
    public async Task Upgrade_TakesTheHttpPipeline_WhenKestrelLimitsUpgradedConnections()
    {
        var transport = await TransportOfAWorkingConnectionAsync(o => o.Limits.MaxConcurrentUpgradedConnections = 5);

        transport.ShouldBe(ApiTransport.HttpPipeline);
    }

    [Fact]
    public async Task BearerHeader_AuthenticatesADirectConnection()
    {
        await using var host = await ApiTestHost.StartAsync(kestrel: true);
        await using var client = new TrpcTestClient(await host.ConnectKestrelAsync(configure: o => o.SetRequestHeader("Authorization", "Bearer bob-token")));

        await client.SendAsync("""{"id":1,"method":"query","params":{"path":"whoami"}}""");

        (await client.ReceiveAsync()).ShouldBe("""{"id":1,"result":{"type":"data","data":{"user":"bob","token":null}}}""");
        host.Registry.Connections.ShouldHaveSingleItem().Transport.ShouldBe(ApiTransport.Direct);
    }

    [Fact]
    public async Task UpgradeWithCookie_TakesTheHttpPipeline_WhereTheCookieCanBeRead()
    {
        await using var host = await ApiTestHost.StartAsync(kestrel: true);
        await using var client = new TrpcTestClient(await host.ConnectKestrelAsync("?connectionParams=1", o => o.SetRequestHeader("Cookie", "theme=dark")));

        await client.SendAsync(Params);
        await client.SendAsync("""{"id":1,"method":"query","params":{"path":"whoami"}}""");

        (await client.ReceiveAsync()).ShouldBe("""{"id":1,"result":{"type":"data","data":{"user":"alice","token":"alice-token"}}}""");
        host.Registry.Connections.ShouldHaveSingleItem().Transport.ShouldBe(ApiTransport.HttpPipeline);
    }

    [Fact]
    public async Task Handshake_AnswersWithTheRfcAcceptKey_AndReadsFramesSentRightBehindIt()
    {
        await using var host = await ApiTestHost.StartAsync(kestrel: true);
        await using var peer = await RawTcpPeer.ConnectAsync(host.WebSocketUri);

        // The request, the connectionParams and a query in one write: nothing the client sent early is lost.
        await peer.SendAsync([
            .. System.Text.Encoding.ASCII.GetBytes(Upgrade("/api/ws?connectionParams=1")),
            .. WebSocketFrames.ClientText(Params),
            .. WebSocketFrames.ClientText("""{"id":1,"method":"query","params":{"path":"whoami"}}"""),
        ]);

        (await peer.ReadHeadAsync()).ShouldBe(
            $"HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Accept: {SampleAccept}\r\n\r\n");
        (await WebSocketFrames.ReadServerTextAsync(peer)).ShouldBe("""{"id":1,"result":{"type":"data","data":{"user":"alice","token":"alice-token"}}}""");
        host.Registry.Connections.ShouldHaveSingleItem().Transport.ShouldBe(ApiTransport.Direct);
    }

    [Fact]
    public async Task Handshake_ArrivingInPieces_IsStillAcceptedDirectly()
    {
        await using var host = await ApiTestHost.StartAsync(kestrel: true);
        await using var peer = await RawTcpPeer.ConnectAsync(host.WebSocketUri);
        var request = Upgrade("/API/WS?connectionParams=1");

        foreach (var piece in request.Chunk(7))
        {
            await peer.SendAsync(new string(piece));
        }

        (await peer.ReadHeadAsync()).ShouldStartWith("HTTP/1.1 101 Switching Protocols\r\n");
        await peer.SendAsync(WebSocketFrames.ClientText(Params));
        await peer.SendAsync(WebSocketFrames.ClientText("""{"id":2,"method":"query","params":{"path":"fast"}}"""));
        (await WebSocketFrames.ReadServerTextAsync(peer)).ShouldBe("""{"id":2,"result":{"type":"data","data":"fast"}}""");
    }

    [Fact]
    public async Task PermessageDeflate_IsNegotiatedOnTheDirectPath_AsOfferedByTheClient()
    {
        await using var host = await ApiTestHost.StartAsync(kestrel: true);
        await using var peer = await RawTcpPeer.ConnectAsync(host.WebSocketUri);

        await peer.SendAsync(Upgrade(extraHeaders: "Sec-WebSocket-Extensions: x-unknown, permessage-deflate; client_max_window_bits\r\n"));

        (await peer.ReadHeadAsync()).ShouldContain("\r\nSec-WebSocket-Extensions: permessage-deflate; client_max_window_bits=15\r\n");
    }

    [Theory]
    [InlineData("GET /api/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", "This endpoint only accepts WebSocket connections")]
    [InlineData("GET /api/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade, close\r\nSec-WebSocket-Key: not-a-key\r\nSec-WebSocket-Version: 13\r\n\r\n", "This endpoint only accepts WebSocket connections")]
    [InlineData("GET /api/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade, close\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 8\r\n\r\n", "HTTP/1.1 400 Bad Request")]
    [InlineData("GET /elsewhere HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", "HTTP/1.1 404 Not Found")]
    [InlineData("GET /api/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header: x\r\n\r\n", "HTTP/1.1 400 Bad Request")]
    public async Task RequestsThatAreNoCleanApiUpgrade_AreAnsweredByTheHttpServer(string request, string expected)
    {
        await using var host = await ApiTestHost.StartAsync(kestrel: true);
        await using var peer = await RawTcpPeer.ConnectAsync(host.WebSocketUri);

        await peer.SendAsync(request);

        (await peer.ReadToEndAsync()).ShouldContain(expected);
        host.Registry.Count.ShouldBe(0);
    }

    [Fact]
    public async Task UpgradeAfterAnotherRequestOnTheSameConnection_IsServedByTheHttpPipeline()
    {
        await using var host = await ApiTestHost.StartAsync(kestrel: true);
        await using var peer = await RawTcpPeer.ConnectAsync(host.WebSocketUri);
        await peer.SendAsync("GET /elsewhere HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        var first = await peer.ReadHeadAsync();

        await peer.SendAsync(Upgrade("/api/ws?connectionParams=1"));
        var second = await peer.ReadHeadAsync();
        await peer.SendAsync(WebSocketFrames.ClientText(Params));
        await peer.SendAsync(WebSocketFrames.ClientText("""{"id":1,"method":"query","params":{"path":"fast"}}"""));

        first.ShouldStartWith("HTTP/1.1 404 Not Found\r\n");
        second.ShouldStartWith("HTTP/1.1 101 Switching Protocols\r\n");
        second.ShouldContain($"Sec-WebSocket-Accept: {SampleAccept}\r\n");
        (await WebSocketFrames.ReadServerTextAsync(peer)).ShouldBe("""{"id":1,"result":{"type":"data","data":"fast"}}""");
        host.Registry.Connections.ShouldHaveSingleItem().Transport.ShouldBe(ApiTransport.HttpPipeline);
    }

    [Theory]
    [InlineData("")]
    [InlineData("GET /api/ws HTTP/1.1\r\nHost: 127.0.0.1\r\n")]
    public async Task ConnectionThatSendsNoCompleteHead_IsClosedAfterKestrelsTimeouts(string sent)
    {
        await using var host = await ApiTestHost.StartAsync(kestrel: true, configureServices: services =>
            services.Configure<KestrelServerOptions>(o =>
            {
                o.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(1);
                o.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(1);
            }));
        await using var peer = await RawTcpPeer.ConnectAsync(host.WebSocketUri);

        await peer.SendAsync(sent);

        (await peer.WaitForCloseAsync(TimeSpan.FromSeconds(30))).ShouldBeTrue();
        host.Registry.Count.ShouldBe(0);
    }

    [Fact]
    public async Task Upgrade_IsAcceptedDirectly_WhenKestrelsTimeoutsAreUnbounded()
    {
        var transport = await TransportOfAWorkingConnectionAsync(o =>
        {
            o.Limits.KeepAliveTimeout = TimeSpan.MaxValue;
            o.Limits.RequestHeadersTimeout = Timeout.InfiniteTimeSpan;
        });

        transport.ShouldBe(ApiTransport.Direct);
    }

    [Fact]
    public async Task UpgradeWhileTheServerIsClosing_IsRefusedWith503()
    {
        await using var host = await ApiTestHost.StartAsync(kestrel: true);
        await using var staying = new TrpcTestClient(await host.ConnectKestrelAsync("?connectionParams=1"));
        await staying.SendAsync(Params);
        await staying.SendAsync("""{"id":1,"method":"query","params":{"path":"fast"}}""");
        await staying.ReceiveAsync();

        var stopping = host.StopAsync();
        (await staying.ReceiveAsync()).ShouldBe("""{"id":null,"method":"reconnect"}""");
        (await staying.ReceiveMessageAsync()).Type.ShouldBe(WebSocketMessageType.Close);
        var refused = await Should.ThrowAsync<WebSocketException>(() => host.ConnectKestrelAsync("?connectionParams=1"));
        await staying.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, Ct);
        await stopping;

        refused.Message.ShouldContain("503");
    }

    /// <summary>Connects to a Kestrel host configured by <paramref name="kestrel"/>, checks a query is answered, and says how the upgrade was accepted.</summary>
    private static async Task<ApiTransport> TransportOfAWorkingConnectionAsync(Action<KestrelServerOptions> kestrel)
    {
        await using var host = await ApiTestHost.StartAsync(kestrel: true, configureServices: services => services.Configure(kestrel));
        await using var client = new TrpcTestClient(await host.ConnectKestrelAsync("?connectionParams=1"));

        await client.SendAsync(Params);
        await client.SendAsync("""{"id":1,"method":"query","params":{"path":"fast"}}""");

        (await client.ReceiveAsync()).ShouldBe("""{"id":1,"result":{"type":"data","data":"fast"}}""");
        return host.Registry.Connections.ShouldHaveSingleItem().Transport;
    }
}
