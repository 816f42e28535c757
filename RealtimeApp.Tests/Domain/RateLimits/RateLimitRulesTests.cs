using RealtimeApp.Domain.RateLimits;

namespace RealtimeApp.Tests.Domain.RateLimits;

public sealed class RateLimitRulesTests
{
    [Fact]
    public void Validate_AcceptsSeed_WhenEachRoleDefaultIsChecked()
    {
        RateLimitRules.Validate(RateLimitSource.Staff, RateLimitDefaults.Seed.Staff).ShouldBeEmpty();
        RateLimitRules.Validate(RateLimitSource.Admin, RateLimitDefaults.Seed.Admin).ShouldBeEmpty();
        RateLimitRules.Validate(RateLimitSource.Api, RateLimitDefaults.Seed.Api).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_AcceptsBenchmarkUser_WhenOverrideIsVeryHigh()
    {
        var benchmark = new RateLimitValues(200_000, 100_000, 1_000_000, 100, 10_000);

        RateLimitRules.Validate(RateLimitSource.Override, benchmark).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(1_000_001)]
    public void Validate_NamesFieldAndRange_WhenMessagesPerMinuteIsOutOfRange(int value)
    {
        var errors = RateLimitRules.Validate(RateLimitSource.Override, new RateLimitValues(MessagesPerMinute: value));

        errors.ShouldHaveSingleItem().ShouldBe(new RateLimitFieldError(
            RateLimitField.MessagesPerMinute, "Messages per minute must be a whole number from 1 to 1,000,000."));
    }

    [Fact]
    public void Validate_ReportsEveryBadField_WhenSeveralAreWrong()
    {
        var errors = RateLimitRules.Validate(RateLimitSource.Override, new RateLimitValues(RequestsPerSecond: 0, Burst: 10_000_001, ConnectionsPerUser: 100_001));

        errors.Select(e => e.Field).ShouldBe([RateLimitField.RequestsPerSecond, RateLimitField.Burst, RateLimitField.ConnectionsPerUser]);
        errors[1].Message.ShouldBe("Burst must be a whole number from 1 to 10,000,000.");
    }

    [Fact]
    public void Validate_RequiresMessageBudget_WhenStaffDefaultLeavesItEmpty()
    {
        var errors = RateLimitRules.Validate(RateLimitSource.Staff, RateLimitValues.Empty);

        errors.ShouldHaveSingleItem().ShouldBe(new RateLimitFieldError(RateLimitField.MessagesPerMinute, "Messages per minute is required."));
    }

    [Fact]
    public void Validate_RequiresEveryApiField_WhenApiDefaultIsEmpty()
    {
        var errors = RateLimitRules.Validate(RateLimitSource.Api, RateLimitValues.Empty);

        errors.Select(e => e.Field).ShouldBe(RateLimitRules.ApiFields);
    }

    [Fact]
    public void Validate_RefusesMessageBudget_WhenSetOnApiDefault()
    {
        var errors = RateLimitRules.Validate(RateLimitSource.Api, RateLimitDefaults.Seed.Api with { MessagesPerMinute = 10 });

        errors.ShouldHaveSingleItem().Message.ShouldBe("Messages per minute cannot be set on the Api default.");
    }

    [Fact]
    public void Validate_AcceptsEmptyOverride_WhenEverythingIsInherited()
    {
        RateLimitRules.Validate(RateLimitSource.Override, RateLimitValues.Empty).ShouldBeEmpty();
    }
}
