using Bunit;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Web.Features.Chat.Components;
using RealtimeApp.Web.Features.Chat.Store;
using RealtimeApp.Web.Shared.Actions;
using static RealtimeApp.Tests.Features.Chat.Support.ChatSamples;

namespace RealtimeApp.Tests.Features.Chat.Components;

public sealed class RoomListTests : ChatTestContext
{
    [Fact]
    public async Task Render_ShowsUnreadAndMentionChips_WhenMemberRoomHasUnreadMessages()
    {
        await GivenAsync(new RoomsLoaded([Room("dev", lastSequence: 9, unread: 3, mentions: 1), Room("ops")]));

        var cut = Render<RoomList>();

        cut.Find("[aria-label='3 unread']").TextContent.Trim().ShouldBe("3");
        cut.Find("[aria-label='1 mentions']").TextContent.Trim().ShouldBe("@1");
        cut.FindAll("[aria-label$=' unread']").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Render_ShowsUpdatedCount_WhenAMessageArrivesInAnotherRoom()
    {
        await GivenAsync(new ChatSessionStarted("ana"), new RoomsLoaded([Room("dev"), Room("ops", lastSequence: 4)]), new RoomOpened("dev"));
        var cut = Render<RoomList>();

        Dispatcher.Dispatch(new MessageReceived(Message(5, roomId: "ops", mentions: "ana")));

        cut.WaitForAssertion(() =>
        {
            cut.Find("[aria-label='1 unread']").ShouldNotBeNull();
            cut.Find("[aria-label='1 mentions']").ShouldNotBeNull();
        });
    }

    [Fact]
    public async Task Render_OffersJoinButton_WhenPublicRoomIsNotJoined()
    {
        await GivenAsync(new RoomsLoaded([Room("dev"), Room("lobby", isMember: false)]));
        var cut = Render<RoomList>();

        cut.Find("button[aria-label='Join lobby']").Click();

        cut.FindAll("button[aria-label^='Join']").Count.ShouldBe(1);
        Dispatched.OfType<JoinRoom>().ShouldHaveSingleItem().RoomId.ShouldBe("lobby");
    }
}
