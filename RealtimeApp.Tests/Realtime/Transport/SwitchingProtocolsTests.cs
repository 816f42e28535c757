using System.Text;
using RealtimeApp.Web.Realtime.Transport;

namespace RealtimeApp.Tests.Realtime.Transport;

public sealed class SwitchingProtocolsTests
{
    [Fact]
    public void AcceptKey_IsTheRfcExample()
    {
        SwitchingProtocols.AcceptKey("dGhlIHNhbXBsZSBub25jZQ==").ShouldBe("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }

    [Fact]
    public void Response_NamesTheNegotiatedExtension()
    {
        var deflate = PermessageDeflate.Negotiate(["permessage-deflate; client_max_window_bits"]);

        var response = Encoding.ASCII.GetString(SwitchingProtocols.Response("dGhlIHNhbXBsZSBub25jZQ==", deflate));

        response.ShouldBe(
            "HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n" +
            "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n" +
            "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits=15\r\n\r\n");
    }
}
