using RealtimeApp.Web.Realtime.Authentication;

namespace RealtimeApp.Tests.Realtime.Connections;

public sealed class ApiOriginPolicyTests
{
    [Theory]
    [InlineData(null, new string[0], true)]
    [InlineData("http://app.example", new string[0], true)]
    [InlineData("http://app.example/", new string[0], true)]
    [InlineData("http://evil.example", new string[0], false)]
    [InlineData("https://app.example", new string[0], false)]
    [InlineData("https://partner.example", new[] { "https://partner.example/" }, true)]
    [InlineData("http://app.example", new[] { "https://partner.example" }, false)]
    public void IsAllowed_FollowsAllowedOrigins_ForOriginHeader(string? origin, string[] allowed, bool expected)
    {
        var result = ApiOriginPolicy.IsAllowed(origin, "http://app.example", allowed);

        result.ShouldBe(expected);
    }
}
