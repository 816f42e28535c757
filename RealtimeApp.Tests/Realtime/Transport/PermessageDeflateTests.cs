using RealtimeApp.Web.Realtime.Transport;

namespace RealtimeApp.Tests.Realtime.Transport;

public sealed class PermessageDeflateTests
{
    [Theory]
    [InlineData("permessage-deflate", "permessage-deflate")]
    [InlineData("permessage-deflate; client_max_window_bits", "permessage-deflate; client_max_window_bits=15")]
    [InlineData("permessage-deflate; client_max_window_bits=\"12\"", "permessage-deflate; client_max_window_bits=12")]
    [InlineData("permessage-deflate; server_max_window_bits=10", "permessage-deflate; server_max_window_bits=10")]
    [InlineData(
        "permessage-deflate; server_no_context_takeover; client_no_context_takeover",
        "permessage-deflate; client_no_context_takeover; server_no_context_takeover")]
    [InlineData("x-webkit-deflate-frame, permessage-deflate; client_max_window_bits", "permessage-deflate; client_max_window_bits=15")]
    [InlineData("permessage-deflate; server_max_window_bits=8, permessage-deflate", "permessage-deflate")]
    public void Negotiate_AcceptsTheFirstOfferItCanHonour(string header, string response)
    {
        var accepted = PermessageDeflate.Negotiate([header]);

        accepted.ShouldNotBeNull().Response.ShouldBe(response);
    }

    [Fact]
    public void Negotiate_SetsTheAgreedWindowsAndContextTakeover()
    {
        var options = PermessageDeflate.Negotiate(["permessage-deflate; client_max_window_bits=11; server_max_window_bits=12; server_no_context_takeover"])!.Options;

        options.ClientMaxWindowBits.ShouldBe(11);
        options.ServerMaxWindowBits.ShouldBe(12);
        options.ServerContextTakeover.ShouldBeFalse();
        options.ClientContextTakeover.ShouldBeTrue();
    }

    [Theory]
    [InlineData("x-webkit-deflate-frame")]
    [InlineData("permessage-deflate; server_max_window_bits")]
    [InlineData("permessage-deflate; server_max_window_bits=8")]
    [InlineData("permessage-deflate; client_max_window_bits=16")]
    [InlineData("permessage-deflate; client_max_window_bits=abc")]
    [InlineData("permessage-deflate; client_no_context_takeover; client_no_context_takeover")]
    [InlineData("permessage-deflate; server_no_context_takeover=1")]
    [InlineData("permessage-deflate; unknown_parameter")]
    [InlineData("permessage-deflate;")]
    public void Negotiate_DeclinesOffersTheRfcSaysToDecline(string header)
    {
        PermessageDeflate.Negotiate([header]).ShouldBeNull();
    }
}
