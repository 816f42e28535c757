using RealtimeApp.Web.Features.Chat;
using RealtimeApp.Web.Features.Chat.Store;
using static RealtimeApp.Tests.Features.Chat.Support.ChatSamples;

namespace RealtimeApp.Tests.Features.Chat.Store.ChatReducersTests;

/// <summary>The waiting copy of a send is matched to its stored message by the send's client id, never by its text.</summary>
public sealed class EchoTests
{
    private static readonly Guid First = Guid.NewGuid();
    private static readonly Guid Second = Guid.NewGuid();

    private static readonly ChatState Open = new() { UserId = "ana", CurrentRoomId = "dev", Rooms = [Room("dev")] };

    [Fact]
    public void OnReceived_ShowsTwoMessages_WhenTheSameTextIsSentTwiceQuickly()
    {
        var sending = ChatReducers.OnSend(ChatReducers.OnSend(Open, new SendMessage(First, "dev", "ok")), new SendMessage(Second, "dev", "ok"));

        var firstEcho = ChatReducers.OnReceived(sending, new MessageReceived(Own(1, First, "ok")));
        var state = ChatReducers.OnReceived(firstEcho, new MessageReceived(Own(2, Second, "ok")));

        firstEcho.Pending.ShouldHaveSingleItem().ClientId.ShouldBe(Second);
        firstEcho.Messages.ShouldHaveSingleItem().Sequence.ShouldBe(1);
        state.Pending.ShouldBeEmpty();
        state.Messages.Select(m => (m.Sequence, m.Text)).ShouldBe([(1L, "ok"), (2L, "ok")]);
    }

    [Fact]
    public void OnReceived_KeepsTheWaitingCopy_WhenOwnMessageWithTheSameTextCarriesAnotherClientId()
    {
        var sending = ChatReducers.OnSend(Open, new SendMessage(First, "dev", "hello"));

        var state = ChatReducers.OnReceived(sending, new MessageReceived(Own(1, Second, "hello")));

        state.Pending.ShouldHaveSingleItem().ClientId.ShouldBe(First);
        state.Messages.ShouldHaveSingleItem();
    }

    [Fact]
    public void OnReceived_KeepsTheWaitingCopy_WhenOwnMessageFromElsewhereHasNoClientId()
    {
        var sending = ChatReducers.OnSend(Open, new SendMessage(First, "dev", "hello"));

        var state = ChatReducers.OnReceived(sending, new MessageReceived(Message(1, authorId: "ana", text: "hello")));

        state.Pending.ShouldHaveSingleItem().ClientId.ShouldBe(First);
    }

    [Fact]
    public void OnReceived_RemovesTheCopyMarkedFailed_WhenItsEchoProvesItWasStored()
    {
        var failed = ChatReducers.OnSendFailed(ChatReducers.OnSend(Open, new SendMessage(First, "dev", "hello")), new MessageSendFailed(First, "Timed out"));

        var state = ChatReducers.OnReceived(failed, new MessageReceived(Own(1, First, "hello")));

        state.Pending.ShouldBeEmpty();
        state.Messages.ShouldHaveSingleItem().Text.ShouldBe("hello");
    }

    [Fact]
    public void OnSendSucceeded_ShowsTheMessageOnce_WhenTheAnswerFollowsTheEcho()
    {
        var sending = ChatReducers.OnSend(Open, new SendMessage(First, "dev", "hello"));
        var echoed = ChatReducers.OnReceived(sending, new MessageReceived(Own(1, First, "hello")));

        var state = ChatReducers.OnSendSucceeded(echoed, new MessageSendSucceeded(First, Own(1, First, "hello")));

        state.Pending.ShouldBeEmpty();
        state.Messages.ShouldHaveSingleItem().Sequence.ShouldBe(1);
    }

    [Fact]
    public void OnReceived_ShowsTheMessageOnce_WhenTheEchoFollowsTheAnswer()
    {
        var sending = ChatReducers.OnSend(Open, new SendMessage(First, "dev", "hello"));
        var answered = ChatReducers.OnSendSucceeded(sending, new MessageSendSucceeded(First, Own(1, First, "hello")));

        var state = ChatReducers.OnReceived(answered, new MessageReceived(Own(1, First, "hello")));

        state.Pending.ShouldBeEmpty();
        state.Messages.ShouldHaveSingleItem().Sequence.ShouldBe(1);
    }

    private static ChatMessageView Own(long sequence, Guid clientId, string text) =>
        Message(sequence, authorId: "ana", text: text) with { ClientId = PendingMessage.ToWire(clientId) };
}
