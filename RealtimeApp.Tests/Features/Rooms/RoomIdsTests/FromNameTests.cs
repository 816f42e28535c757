using RealtimeApp.Web.Features.Rooms;

namespace RealtimeApp.Tests.Features.Rooms.RoomIdsTests;

public sealed class FromNameTests
{
    [Theory]
    [InlineData("Release Train!", "release-train")]
    [InlineData("Ops & On-Call", "ops-on-call")]
    [InlineData("team_42", "team-42")]
    [InlineData("--Design--", "design")]
    public void FromName_MakesLowercaseSlug_WhenNameHasPunctuation(string name, string expected)
    {
        var id = RoomIds.FromName(name);

        id.ShouldBe(expected);
    }

    [Fact]
    public void FromName_IgnoresSurroundingWhitespace_WhenNameIsPadded()
    {
        var id = RoomIds.FromName("   Front End   ");

        id.ShouldBe("front-end");
    }

    [Fact]
    public void FromName_CapsLengthWithoutTrailingDash_WhenNameIsLong()
    {
        var name = new string('a', RoomIds.MaxLength - 1) + " bcd";

        var id = RoomIds.FromName(name);

        id.Length.ShouldBeLessThanOrEqualTo(RoomIds.MaxLength);
        id.ShouldBe(new string('a', RoomIds.MaxLength - 1));
    }

    [Fact]
    public void FromName_KeepsExactlyMaxLength_WhenSlugIsLonger()
    {
        var id = RoomIds.FromName(new string('x', RoomIds.MaxLength + 20));

        id.ShouldBe(new string('x', RoomIds.MaxLength));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ???")]
    [InlineData("日本語")]
    public void FromName_ReturnsRoom_WhenNothingIsLeftOfTheName(string name)
    {
        var id = RoomIds.FromName(name);

        id.ShouldBe("room");
    }
}
