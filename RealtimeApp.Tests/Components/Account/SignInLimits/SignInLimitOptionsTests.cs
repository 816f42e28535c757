using Microsoft.Extensions.Configuration;
using RealtimeApp.Web.Components.Account.SignInLimits;
using RealtimeApp.Web.Shared.Settings;

namespace RealtimeApp.Tests.Components.Account.SignInLimits;

public sealed class SignInLimitOptionsTests
{
    [Fact]
    public void From_Is20FailuresPer5Minutes_WhenNothingIsSet()
    {
        var options = SignInLimitOptions.From(Configuration());

        options.FailuresPerAddress.ShouldBe(20);
        options.FailureWindow.ShouldBe(TimeSpan.FromMinutes(5));
        options.IsEnabled.ShouldBeTrue();
    }

    [Fact]
    public void From_ReadsTheSection_WhenSet()
    {
        var options = SignInLimitOptions.From(Configuration(("SignIn:FailuresPerAddress", "0"), ("SignIn:FailureWindowMinutes", "60")));

        options.IsEnabled.ShouldBeFalse();
        options.FailureWindow.ShouldBe(TimeSpan.FromHours(1));
    }

    [Theory]
    [InlineData("SignIn:FailuresPerAddress", "-1")]
    [InlineData("SignIn:FailuresPerAddress", "twenty")]
    [InlineData("SignIn:FailuresPerAddress", "100001")]
    [InlineData("SignIn:FailureWindowMinutes", "0")]
    [InlineData("SignIn:FailureWindowMinutes", "1.5")]
    [InlineData("SignIn:FailureWindowMinutes", "1441")]
    public void From_RefusesToStart_NamingTheKey_WhenAValueIsOutOfRange(string key, string value)
    {
        var exception = Should.Throw<InvalidSettingException>(() => SignInLimitOptions.From(Configuration((key, value))));

        exception.Message.ShouldStartWith($"{key} must be a whole number from ");
        exception.Message.ShouldContain($"(it is '{value}')");
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
