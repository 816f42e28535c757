using RealtimeApp.Web.Features.Chat.Components;

namespace RealtimeApp.Tests.Features.Chat.Components;

public sealed class ChatTimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 12, 15, 30, 0, TimeSpan.Zero);

    private static readonly TimeZoneInfo PlusTwo = TimeZoneInfo.CreateCustomTimeZone("test+2", TimeSpan.FromHours(2), "test+2", "test+2");

    public static TheoryData<TimeSpan, string> RelativeCases => new()
    {
        { TimeSpan.FromSeconds(59), "just now" },
        { TimeSpan.FromMinutes(5), "5 min ago" },
        { TimeSpan.FromMinutes(59), "59 min ago" },
        { TimeSpan.FromHours(3), "12:30" },
        { TimeSpan.FromHours(20), "Yesterday 19:30" },
        { TimeSpan.FromDays(30), "10 Feb 15:30" },
        { TimeSpan.FromDays(400), "5 Feb 2025 15:30" },
    };

    public static TheoryData<TimeSpan, string> DayCases => new()
    {
        { TimeSpan.FromHours(3), "Today" },
        { TimeSpan.FromHours(20), "Yesterday" },
        { TimeSpan.FromDays(2), "Tuesday 10 March" },
        { TimeSpan.FromDays(400), "5 February 2025" },
    };

    [Theory]
    [MemberData(nameof(RelativeCases))]
    public void Relative_ReadsNaturally_WhenMessageIsThatOld(TimeSpan age, string expected)
    {
        var text = ChatTime.Relative(Now - age, Now, TimeZoneInfo.Utc);

        text.ShouldBe(expected);
    }

    [Fact]
    public void Relative_UsesTheBrowserZone_WhenZoneIsNotUtc()
    {
        var text = ChatTime.Relative(Now.AddHours(-3), Now, PlusTwo);

        text.ShouldBe("14:30");
    }

    [Theory]
    [MemberData(nameof(DayCases))]
    public void Day_NamesTheDay_WhenMessageIsThatOld(TimeSpan age, string expected)
    {
        var day = ChatTime.Day(Now - age, Now, TimeZoneInfo.Utc);

        day.ShouldBe(expected);
    }

    [Fact]
    public void Day_UsesTheBrowserZone_WhenLocalDateDiffersFromUtcDate()
    {
        var now = new DateTimeOffset(2026, 3, 12, 23, 30, 0, TimeSpan.Zero);
        var at = new DateTimeOffset(2026, 3, 12, 21, 30, 0, TimeSpan.Zero);

        var day = ChatTime.Day(at, now, PlusTwo);

        day.ShouldBe("Yesterday");
    }
}
