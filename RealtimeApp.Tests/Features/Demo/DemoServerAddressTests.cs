using RealtimeApp.Web.Features.Demo;

namespace RealtimeApp.Tests.Features.Demo;

public sealed class DemoServerAddressTests
{
    [Fact]
    public void ApiEndpoint_PrefersPlainHttpOnLoopback()
    {
        var endpoint = DemoServerAddress.ApiEndpoint(["https://localhost:5001", "http://10.0.0.5:5000", "http://127.0.0.1:5000"]);

        endpoint.ShouldBe(new Uri("ws://127.0.0.1:5000/api/ws"));
    }

    [Fact]
    public void ApiEndpoint_UsesLoopback_WhenTheServerListensOnEveryAddress()
    {
        DemoServerAddress.ApiEndpoint(["http://+:8080"]).ShouldBe(new Uri("ws://localhost:8080/api/ws"));
        DemoServerAddress.ApiEndpoint(["http://0.0.0.0:8080"]).ShouldBe(new Uri("ws://127.0.0.1:8080/api/ws"));
    }

    [Fact]
    public void ApiEndpoint_UsesSecureWebSockets_WhenOnlyHttpsIsServed() =>
        DemoServerAddress.ApiEndpoint(["https://example.com:7001"]).ShouldBe(new Uri("wss://example.com:7001/api/ws"));

    [Fact]
    public void ApiEndpoint_IsNull_WithoutAddresses() => DemoServerAddress.ApiEndpoint([]).ShouldBeNull();

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(4, 8)]
    [InlineData(10, 30)]
    public void Backoff_DoublesUpToTheMaximum(int attempt, double seconds) =>
        DemoAgent.Backoff(attempt, maxSeconds: 30).ShouldBe(TimeSpan.FromSeconds(seconds));
}
