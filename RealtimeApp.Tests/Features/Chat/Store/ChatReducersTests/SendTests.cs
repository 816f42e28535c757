using RealtimeApp.Web.Features.Chat.Store;
using static RealtimeApp.Tests.Features.Chat.Support.ChatSamples;

namespace RealtimeApp.Tests.Features.Chat.Store.ChatReducersTests;

public sealed class SendTests
{
    private static readonly Guid ClientId = Guid.NewGuid();

    private static readonly ChatState Open = new() { UserId = "ana", CurrentRoomId = "dev", Rooms = [Room("dev")] };

    [Fact]
    public void OnSend_AddsPendingMessage_WhenSending()
    {
        var state = ChatReducers.OnSend(Open, new SendMessage(ClientId, "dev", "hello"));

        state.Pending.ShouldHaveSingleItem().ShouldBe(new PendingMessage(ClientId, "dev", "hello"));
        state.Messages.ShouldBeEmpty();
    }

    [Fact]
    public void OnSendSucceeded_RemovesPendingAndAddsMessage_WhenStored()
    {
        var sending = ChatReducers.OnSend(Open, new SendMessage(ClientId, "dev", "hello"));

        var state = ChatReducers.OnSendSucceeded(sending, new MessageSendSucceeded(ClientId, Message(1, authorId: "ana", text: "hello")));

        state.Pending.ShouldBeEmpty();
        state.Messages.ShouldHaveSingleItem().Text.ShouldBe("hello");
    }

    [Fact]
    public void OnSendSucceeded_AddsMessageOnce_WhenLiveEventArrivedFirst()
    {
        var stored = Message(1, authorId: "ana", text: "hello");
        var sending = ChatReducers.OnSend(Open, new SendMessage(ClientId, "dev", "hello"));
        var received = ChatReducers.OnReceived(sending, new MessageReceived(stored));

        var state = ChatReducers.OnSendSucceeded(received, new MessageSendSucceeded(ClientId, stored));

        state.Pending.ShouldBeEmpty();
        state.Messages.ShouldHaveSingleItem().Sequence.ShouldBe(1);
        state.Rooms.Single().LastSequence.ShouldBe(1);
    }

    [Fact]
    public void OnReceived_ReplacesTheWaitingCopy_WhenOwnMessageArrivesBeforeItsConfirmation()
    {
        var sending = ChatReducers.OnSend(Open, new SendMessage(ClientId, "dev", "hello"));

        var state = ChatReducers.OnReceived(sending, new MessageReceived(Message(1, authorId: "ana", text: "hello") with { ClientId = PendingMessage.ToWire(ClientId) }));

        state.Pending.ShouldBeEmpty();
        state.Messages.ShouldHaveSingleItem().Text.ShouldBe("hello");
    }

    [Fact]
    public void OnReceived_KeepsWaitingCopy_WhenSomeoneElseSendsTheSameText()
    {
        var sending = ChatReducers.OnSend(Open, new SendMessage(ClientId, "dev", "hello"));

        var state = ChatReducers.OnReceived(sending, new MessageReceived(Message(1, authorId: "ben", text: "hello")));

        state.Pending.ShouldHaveSingleItem().ClientId.ShouldBe(ClientId);
    }

    [Fact]
    public void OnSendFailed_KeepsPendingWithError_WhenRefused()
    {
        var sending = ChatReducers.OnSend(Open, new SendMessage(ClientId, "dev", "hello"));

        var state = ChatReducers.OnSendFailed(sending, new MessageSendFailed(ClientId, "Too fast"));

        state.Pending.ShouldHaveSingleItem().Error.ShouldBe("Too fast");
    }

    [Fact]
    public void OnRetry_ClearsError_WhenRetrying()
    {
        var failed = ChatReducers.OnSendFailed(ChatReducers.OnSend(Open, new SendMessage(ClientId, "dev", "hello")), new MessageSendFailed(ClientId, "Too fast"));

        var state = ChatReducers.OnRetry(failed, new RetrySend(ClientId));

        state.Pending.ShouldHaveSingleItem().Error.ShouldBeNull();
    }

    [Fact]
    public void OnDiscard_RemovesPending_WhenDiscarded()
    {
        var failed = ChatReducers.OnSendFailed(ChatReducers.OnSend(Open, new SendMessage(ClientId, "dev", "hello")), new MessageSendFailed(ClientId, "Too fast"));

        var state = ChatReducers.OnDiscard(failed, new DiscardPending(ClientId));

        state.Pending.ShouldBeEmpty();
    }
}
