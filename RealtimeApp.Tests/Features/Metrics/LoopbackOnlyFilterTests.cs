using System.Net;
using RealtimeApp.Web.Features.Metrics;

namespace RealtimeApp.Tests.Features.Metrics;

public sealed class LoopbackOnlyFilterTests
{
    [Theory]
    [InlineData("127.0.0.1", false, true)]
    [InlineData("::1", false, true)]
    [InlineData("10.1.2.3", false, false)]
    [InlineData("203.0.113.9", false, false)]
    [InlineData("203.0.113.9", true, true)]
    public void IsAllowed_LetsOnlyLoopbackIn_UnlessRemoteIsAllowed(string address, bool allowRemote, bool expected) =>
        LoopbackOnlyFilter.IsAllowed(IPAddress.Parse(address), allowRemote).ShouldBe(expected);

    [Fact]
    public void IsAllowed_RefusesUnknownCaller_WhenRemoteIsNotAllowed() =>
        LoopbackOnlyFilter.IsAllowed(null, allowRemote: false).ShouldBeFalse();
}
