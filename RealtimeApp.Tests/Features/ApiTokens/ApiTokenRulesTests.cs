using RealtimeApp.Web.Features.ApiTokens;

namespace RealtimeApp.Tests.Features.ApiTokens;

public sealed class ApiTokenRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void CheckName_ReturnsTrimmedName_WhenValid()
    {
        var (name, error) = ApiTokenRules.CheckName("  ci deploy  ");

        name.ShouldBe("ci deploy");
        error.ShouldBeNull();
    }

    [Theory]
    [InlineData(null, "Name is required.")]
    [InlineData("   ", "Name is required.")]
    [InlineData("tab\there", "Name must not contain control characters.")]
    public void CheckName_ReturnsError_WhenInvalid(string? input, string expected)
    {
        var (name, error) = ApiTokenRules.CheckName(input);

        name.ShouldBeNull();
        error.ShouldBe(expected);
    }

    [Fact]
    public void CheckName_AcceptsSixtyFourCharacters_ButNotSixtyFive()
    {
        var longest = ApiTokenRules.CheckName(new string('a', 64));
        var tooLong = ApiTokenRules.CheckName(new string('a', 65));

        longest.Error.ShouldBeNull();
        tooLong.Error.ShouldBe("Name must be at most 64 characters.");
    }

    [Fact]
    public void CheckExpiry_AcceptsNoExpiryAndFutureExpiry()
    {
        var none = ApiTokenRules.CheckExpiry(null, Now);
        var future = ApiTokenRules.CheckExpiry(Now.AddDays(30), Now);

        none.ShouldBeNull();
        future.ShouldBeNull();
    }

    [Fact]
    public void CheckExpiry_ReturnsError_WhenNotInTheFutureOrTooFar()
    {
        var past = ApiTokenRules.CheckExpiry(Now, Now);
        var tooFar = ApiTokenRules.CheckExpiry(Now.AddDays(3651), Now);

        past.ShouldBe("Expiry must be in the future.");
        tooFar.ShouldBe("Expiry must be within 3650 days.");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3651)]
    public void CheckExpiryDays_ReturnsError_WhenOutOfRange(int days)
    {
        var error = ApiTokenRules.CheckExpiryDays(days);

        error.ShouldBe("Expiry must be 1 to 3650 days.");
    }
}
