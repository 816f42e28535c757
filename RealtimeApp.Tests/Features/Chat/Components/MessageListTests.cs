using Bunit;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Web.Features.Chat.Components;
using RealtimeApp.Web.Features.Chat.Store;
using RealtimeApp.Web.Shared.Actions;
using static RealtimeApp.Tests.Features.Chat.Support.ChatSamples;

namespace RealtimeApp.Tests.Features.Chat.Components;

public sealed class MessageListTests : ChatTestContext
{
    private static readonly DateTimeOffset Yesterday = Noon.AddDays(-1);

    [Fact]
    public async Task Render_SeparatesDaysAndGroupsConsecutiveMessagesByAuthor_WhenHistoryIsLoaded()
    {
        await GivenAsync(
            new ChatSessionStarted("ana"),
            new RoomsLoaded([Room("dev", lastSequence: 5)]),
            new RoomOpened("dev"),
            new HistoryLoaded("dev",
            [
                Message(1, authorId: "bob", postedAt: Yesterday),
                Message(2, authorId: "bob", postedAt: Yesterday.AddMinutes(1)),
                Message(3, authorId: "carl", postedAt: Yesterday.AddMinutes(2)),
                Message(4, authorId: "carl", postedAt: Noon.AddHours(-1)),
                Message(5, authorId: "carl", postedAt: Noon.AddHours(-1).AddMinutes(2)),
            ], HasOlder: false, Older: false));

        var cut = Render<MessageList>();

        cut.FindAll("[role=separator]").Select(s => s.TextContent.Trim()).ShouldBe(["Yesterday", "Today"]);
        cut.FindAll("[role=article] .mud-typography-subtitle2").Select(n => n.TextContent.Trim()).ShouldBe(["bob", "carl", "carl"]);
        cut.FindAll("[role=article]").Count.ShouldBe(5);
        cut.Markup.ShouldContain("This is the beginning of the room.");
    }

    [Fact]
    public async Task Render_StartsNewGroup_WhenSameAuthorWritesAfterFiveMinutes()
    {
        await GivenAsync(
            new RoomsLoaded([Room("dev", lastSequence: 2)]),
            new RoomOpened("dev"),
            new HistoryLoaded("dev", [Message(1, postedAt: Noon.AddMinutes(-20)), Message(2, postedAt: Noon.AddMinutes(-10))], HasOlder: true, Older: false));

        var cut = Render<MessageList>();

        cut.FindAll("[role=article] .mud-typography-subtitle2").Count.ShouldBe(2);
        cut.FindAll("[role=separator]").Count.ShouldBe(1);
        cut.Markup.ShouldNotContain("This is the beginning of the room.");
    }

    [Fact]
    public async Task Render_ShowsPendingMessages_WhenTheyBelongToTheOpenRoom()
    {
        await GivenAsync(
            new RoomsLoaded([Room("dev"), Room("ops")]),
            new RoomOpened("dev"),
            new SendMessage(Guid.NewGuid(), "dev", "on its way"),
            new SendMessage(Guid.NewGuid(), "ops", "elsewhere"));

        var cut = Render<MessageList>();

        cut.Find("[aria-label='Your message']").TextContent.ShouldContain("on its way");
        cut.Markup.ShouldNotContain("elsewhere");
    }
}
