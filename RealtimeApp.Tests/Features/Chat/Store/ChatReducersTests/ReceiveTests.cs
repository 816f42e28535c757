using RealtimeApp.Web.Features.Chat.Store;
using static RealtimeApp.Tests.Features.Chat.Support.ChatSamples;

namespace RealtimeApp.Tests.Features.Chat.Store.ChatReducersTests;

public sealed class ReceiveTests
{
    private static readonly ChatState Open = new() { UserId = "ana", CurrentRoomId = "dev", Rooms = [Room("dev"), Room("ops", lastSequence: 10)] };

    [Fact]
    public void OnReceived_AddsMessageWithoutUnread_WhenRoomIsOpen()
    {
        var state = ChatReducers.OnReceived(Open, new MessageReceived(Message(1)));

        state.Messages.ShouldHaveSingleItem().Sequence.ShouldBe(1);
        state.Rooms.Single(r => r.Id == "dev").Unread.ShouldBe(0);
    }

    [Fact]
    public void OnReceived_BumpsUnreadAndKeepsTimeline_WhenMessageIsForAnotherRoom()
    {
        var state = ChatReducers.OnReceived(Open, new MessageReceived(Message(11, roomId: "ops")));

        var ops = state.Rooms.Single(r => r.Id == "ops");
        ops.Unread.ShouldBe(1);
        ops.UnreadMentions.ShouldBe(0);
        ops.LastSequence.ShouldBe(11);
        state.Messages.ShouldBeEmpty();
    }

    [Fact]
    public void OnReceived_BumpsMentionCount_WhenMessageInAnotherRoomMentionsTheUser()
    {
        var state = ChatReducers.OnReceived(Open, new MessageReceived(Message(11, roomId: "ops", mentions: "ana")));

        var ops = state.Rooms.Single(r => r.Id == "ops");
        ops.Unread.ShouldBe(1);
        ops.UnreadMentions.ShouldBe(1);
    }

    [Fact]
    public void OnReceived_CountsNothing_WhenTheUserWroteTheMessage()
    {
        var state = ChatReducers.OnReceived(Open, new MessageReceived(Message(11, roomId: "ops", authorId: "ana")));

        var ops = state.Rooms.Single(r => r.Id == "ops");
        ops.Unread.ShouldBe(0);
        ops.LastSequence.ShouldBe(11);
    }

    [Fact]
    public void OnReceived_CountsOnce_WhenTheSameMessageArrivesTwice()
    {
        var once = ChatReducers.OnReceived(Open, new MessageReceived(Message(11, roomId: "ops")));

        var twice = ChatReducers.OnReceived(once, new MessageReceived(Message(11, roomId: "ops")));

        twice.Rooms.Single(r => r.Id == "ops").Unread.ShouldBe(1);
    }

    [Fact]
    public void OnRead_ZeroesUnreadAndMentions_WhenRoomIsRead()
    {
        var unread = Open with { Rooms = [Room("dev"), Room("ops", lastSequence: 12, unread: 2, mentions: 1)] };

        var state = ChatReducers.OnRead(unread, new RoomRead("ops", 12));

        var ops = state.Rooms.Single(r => r.Id == "ops");
        ops.Unread.ShouldBe(0);
        ops.UnreadMentions.ShouldBe(0);
    }

    [Fact]
    public void OnRemoved_BlanksTextAndMarksDeleted_WhenMessageIsInOpenRoom()
    {
        var withMessage = ChatReducers.OnReceived(Open, new MessageReceived(Message(1, mentions: "ana")));

        var state = ChatReducers.OnRemoved(withMessage, new MessageRemoved("dev", 1));

        var message = state.Messages.ShouldHaveSingleItem();
        message.IsDeleted.ShouldBeTrue();
        message.Text.ShouldBeEmpty();
        message.Mentions.ShouldBeEmpty();
    }
}
