using System.Text;
using RealtimeApp.Web.Realtime.Transport;

namespace RealtimeApp.Tests.Realtime.Transport;

public sealed class UpgradeHeadParserTests
{
    private const string Key = "dGhlIHNhbXBsZSBub25jZQ==";

    private static string Request(string requestLine = "GET /api/ws?connectionParams=1 HTTP/1.1", string? headers = null) =>
        requestLine + "\r\n" + (headers ?? $"Host: app.example:8080\r\nUpgrade: websocket\r\nConnection: keep-alive, Upgrade\r\nSec-WebSocket-Key: {Key}\r\nSec-WebSocket-Version: 13\r\n") + "\r\n";

    private static UpgradeHeadStatus Parse(string text, out UpgradeHead? head) => UpgradeHeadParser.Parse(Encoding.ASCII.GetBytes(text), out head);

    [Fact]
    public void Parse_ReadsTheUpgrade_WhenTheHeadIsComplete()
    {
        var text = Request(headers:
            $"Host: app.example:8080\r\nUpgrade: WebSocket\r\nConnection: keep-alive, Upgrade\r\nSec-WebSocket-Key: {Key}\r\n" +
            "Sec-WebSocket-Version: 13\r\nOrigin: https://partner.example\r\nAuthorization: Bearer abc\r\n" +
            "Sec-WebSocket-Extensions: permessage-deflate\r\nsec-websocket-extensions: x-other\r\nUser-Agent: script/1.0\r\n");

        var status = Parse(text + "\x81\x80", out var head);

        status.ShouldBe(UpgradeHeadStatus.Upgrade);
        head.ShouldNotBeNull();
        head.Query.ShouldBe("connectionParams=1");
        head.Host.ShouldBe("app.example:8080");
        head.Key.ShouldBe(Key);
        head.Origin.ShouldBe("https://partner.example");
        head.Authorization.ShouldBe("Bearer abc");
        head.Extensions.ShouldBe(["permessage-deflate", "x-other"]);
        head.Length.ShouldBe(text.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("G")]
    [InlineData("GET /ap")]
    [InlineData("GET /api/ws")]
    [InlineData("GET /api/ws HTTP/1.1\r\nHost: app.example\r\n")]
    public void Parse_AsksForMore_WhileTheBytesCanStillBecomeAnApiUpgrade(string partial)
    {
        Parse(partial, out var head).ShouldBe(UpgradeHeadStatus.Incomplete);
        head.ShouldBeNull();
    }

    [Theory]
    [InlineData("POST /api/ws HTTP/1.1")]
    [InlineData("get /api/ws HTTP/1.1")]
    [InlineData("GET /api/ws/ HTTP/1.1")]
    [InlineData("GET /api/wss HTTP/1.1")]
    [InlineData("GET /api/%77s HTTP/1.1")]
    [InlineData("GET /api/ws HTTP/1.0")]
    [InlineData("GET /api/ws  HTTP/1.1")]
    [InlineData("GET /api/ws?a=b#frag HTTP/1.1")]
    [InlineData("GET /api/ws?a b HTTP/1.1")]
    [InlineData("GET / HTTP/1.1")]
    [InlineData("PRI * HTTP/2.0")]
    public void Parse_LeavesOtherRequestLines_ToTheHttpServer(string requestLine)
    {
        Parse(Request(requestLine), out _).ShouldBe(UpgradeHeadStatus.NotDirect);
    }

    [Theory]
    [InlineData("Cookie: session=1\r\n")]
    [InlineData("Content-Length: 0\r\n")]
    [InlineData("Transfer-Encoding: chunked\r\n")]
    [InlineData("Host: second.example\r\n")]
    [InlineData("Sec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAAAA==\r\n")]
    [InlineData("Authorization: Bearer a\r\nAuthorization: Bearer b\r\n")]
    [InlineData("Origin: https://a.example\r\nOrigin: https://b.example\r\n")]
    [InlineData("Bad Name: x\r\n")]
    [InlineData(": no name\r\n")]
    [InlineData("No-Colon\r\n")]
    [InlineData("X-Folded: a\r\n continued\r\n")]
    [InlineData("X-Latin: caf\u00e9\r\n")]
    [InlineData("X-Control: a\u0001b\r\n")]
    public void Parse_LeavesHeadsItDoesNotFullyTrust_ToTheHttpServer(string extraHeader)
    {
        var headers = $"Host: app.example\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {Key}\r\nSec-WebSocket-Version: 13\r\n{extraHeader}";

        UpgradeHeadParser.Parse(Encoding.Latin1.GetBytes(Request(headers: headers)), out _).ShouldBe(UpgradeHeadStatus.NotDirect);
    }

    [Theory]
    [InlineData("Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n")]
    [InlineData("Host: \r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n")]
    [InlineData("Host: a/b\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n")]
    [InlineData("Host: a\r\nUpgrade: h2c\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n")]
    [InlineData("Host: a\r\nUpgrade: websocket\r\nConnection: keep-alive\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n")]
    [InlineData("Host: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 8\r\n")]
    [InlineData("Host: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n")]
    [InlineData("Host: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZQ==\r\nSec-WebSocket-Version: 13\r\n")]
    [InlineData("Host: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=!\r\nSec-WebSocket-Version: 13\r\n")]
    public void Parse_LeavesIncompleteOrWrongUpgrades_ToTheHttpServer(string headers)
    {
        Parse(Request(headers: headers), out _).ShouldBe(UpgradeHeadStatus.NotDirect);
    }

    [Fact]
    public void Parse_LeavesTheHeadToTheHttpServer_WhenItOutgrowsTheLimit()
    {
        var padding = $"X-Padding: {new string('a', UpgradeHeadParser.MaxHeadBytes)}\r\n";

        Parse(Request(headers: padding)[..UpgradeHeadParser.MaxHeadBytes], out _).ShouldBe(UpgradeHeadStatus.NotDirect);
    }

    [Fact]
    public void Parse_LeavesTheHeadToTheHttpServer_WithTooManyHeaderLines()
    {
        var headers = $"Host: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {Key}\r\nSec-WebSocket-Version: 13\r\n"
            + string.Concat(Enumerable.Range(0, 60).Select(i => $"X-{i}: {i}\r\n"));

        Parse(Request(headers: headers), out _).ShouldBe(UpgradeHeadStatus.NotDirect);
    }
}
