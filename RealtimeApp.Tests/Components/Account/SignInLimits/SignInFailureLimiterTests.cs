using System.Net;
using Microsoft.Extensions.Time.Testing;
using RealtimeApp.Web.Components.Account.SignInLimits;

namespace RealtimeApp.Tests.Components.Account.SignInLimits;

public sealed class SignInFailureLimiterTests
{
    private static readonly IPAddress Mallory = IPAddress.Parse("203.0.113.7");
    private static readonly IPAddress Ana = IPAddress.Parse("198.51.100.20");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly SignInFailureLimiter _limiter;

    public SignInFailureLimiterTests() =>
        _limiter = new SignInFailureLimiter(new SignInLimitOptions { FailuresPerAddress = 3, FailureWindowMinutes = 5 }, _time);

    [Fact]
    public void TryBegin_Refuses_WhenTheAddressHasUsedItsFailures()
    {
        Fail(Mallory);
        _time.Advance(TimeSpan.FromMinutes(1));
        Fail(Mallory);
        Fail(Mallory);

        var allowed = _limiter.TryBegin(Mallory, out var attempt, out var refusal);

        allowed.ShouldBeFalse();
        attempt.ShouldBeNull();
        refusal.ShouldBe(new SignInRefusal(TimeSpan.FromMinutes(4), IsFirst: true));
    }

    [Fact]
    public void TryBegin_Allows_WhenTheOldestFailureHasLeftTheWindow()
    {
        Fail(Mallory);
        _time.Advance(TimeSpan.FromMinutes(1));
        Fail(Mallory);
        Fail(Mallory);

        _time.Advance(TimeSpan.FromMinutes(4));

        _limiter.TryBegin(Mallory, out var attempt, out _).ShouldBeTrue();
        attempt!.Failed();
        _limiter.TryBegin(Mallory, out _, out var refusal).ShouldBeFalse();
        refusal.RetryAfter.ShouldBe(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void TryBegin_Allows_WhenAnotherAddressHasUsedItsFailures()
    {
        Fail(Mallory);
        Fail(Mallory);
        Fail(Mallory);

        _limiter.TryBegin(Ana, out var attempt, out _).ShouldBeTrue();
        attempt!.Dispose();
    }

    [Fact]
    public void Succeeded_TakesNothingFromTheBudget()
    {
        for (var i = 0; i < 10; i++)
        {
            _limiter.TryBegin(Mallory, out var attempt, out _).ShouldBeTrue();
            attempt!.Succeeded();
        }

        Fail(Mallory);
        Fail(Mallory);
        Fail(Mallory);

        _limiter.TryBegin(Mallory, out _, out _).ShouldBeFalse();
    }

    [Fact]
    public void TryBegin_CountsAttemptsInFlight_SoConcurrentAttemptsCannotOvershoot()
    {
        _limiter.TryBegin(Mallory, out var first, out _).ShouldBeTrue();
        _limiter.TryBegin(Mallory, out var second, out _).ShouldBeTrue();
        _limiter.TryBegin(Mallory, out var third, out _).ShouldBeTrue();

        _limiter.TryBegin(Mallory, out _, out var refusal).ShouldBeFalse();
        refusal.RetryAfter.ShouldBe(TimeSpan.FromSeconds(1));

        first!.Succeeded();
        second!.Failed();
        second.Failed();
        _limiter.TryBegin(Mallory, out var fourth, out _).ShouldBeTrue();
        third!.Dispose();
        fourth!.Dispose();
    }

    [Fact]
    public void TryBegin_SaysARefusalIsFirst_OnlyOncePerWait()
    {
        Fail(Mallory);
        Fail(Mallory);
        Fail(Mallory);

        _limiter.TryBegin(Mallory, out _, out var first).ShouldBeFalse();
        _time.Advance(TimeSpan.FromMinutes(2));
        _limiter.TryBegin(Mallory, out _, out var again).ShouldBeFalse();
        _time.Advance(TimeSpan.FromMinutes(3));
        Fail(Mallory);
        Fail(Mallory);
        Fail(Mallory);
        _limiter.TryBegin(Mallory, out _, out var afterTheWait).ShouldBeFalse();

        first.IsFirst.ShouldBeTrue();
        again.ShouldBe(new SignInRefusal(TimeSpan.FromMinutes(3), IsFirst: false));
        afterTheWait.IsFirst.ShouldBeTrue();
    }

    [Fact]
    public void TryBegin_ForgetsAnAddress_WhenItsFailuresHaveExpired()
    {
        Fail(Mallory);
        _limiter.TrackedPartitions.ShouldBe(1);

        _time.Advance(TimeSpan.FromMinutes(6));
        _limiter.TryBegin(Ana, out var attempt, out _).ShouldBeTrue();
        attempt!.Succeeded();

        _limiter.TrackedPartitions.ShouldBe(0);
    }

    [Fact]
    public void TryBegin_AlwaysAllows_WhenTheLimitIsOff()
    {
        var limiter = new SignInFailureLimiter(new SignInLimitOptions { FailuresPerAddress = 0 }, _time);

        for (var i = 0; i < 100; i++)
        {
            limiter.TryBegin(Mallory, out var attempt, out _).ShouldBeTrue();
            attempt!.Failed();
        }

        limiter.TrackedPartitions.ShouldBe(0);
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData(null, "unknown")]
    public void PartitionKey_IsTheIPv4AddressOrTheIPv6Slash64(string? address, string expected) =>
        SignInFailureLimiter.PartitionKey(address is null ? null : IPAddress.Parse(address)).ShouldBe(expected);

    private void Fail(IPAddress address)
    {
        _limiter.TryBegin(address, out var attempt, out _).ShouldBeTrue();
        attempt!.Failed();
    }
}
