using RealtimeApp.Domain.Chat;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Web.Features.Chat.Store;

namespace RealtimeApp.Tests.Features.Chat.Store.ChatWriteEffectsTests;

public sealed class SendMessageTests
{
    [Fact]
    public async Task HandleAsync_ConfirmsMessageOnceAndClearsPending_WhenPostSucceeds()
    {
        await using var host = await ChatHost.StartAsync(configureServices: ChatCircuit.AddServices);
        var ana = await host.CreateUserAsync("ana");
        await using var circuit = await ChatCircuit.OpenAsync(host, ana);
        await circuit.OpenChatAsync(Room.GeneralId);
        var clientId = Guid.NewGuid();

        circuit.Dispatcher.Dispatch(new SendMessage(clientId, Room.GeneralId, "hello"));

        // The live event can show the message before the post returns; the confirmation is the action that follows it.
        await circuit.WaitUntilAsync(
            state => state.Pending.IsEmpty && circuit.Actions.OfType<MessageSendSucceeded>().Any(),
            "the message is confirmed");
        var message = circuit.State.Messages.ShouldHaveSingleItem();
        message.AuthorId.ShouldBe(ana.UserId);
        message.Sequence.ShouldBe(1);
        message.ClientId.ShouldBe(clientId.ToString("N"));
        circuit.Actions.OfType<MessageSendSucceeded>().ShouldHaveSingleItem().ClientId.ShouldBe(clientId);
        (await host.CountMessagesAsync(Room.GeneralId)).ShouldBe(1);
    }

    [Fact]
    public async Task HandleAsync_StoresAndShowsOneMessage_WhenRetriedWhileTheFirstAttemptIsUnderWay()
    {
        await using var host = await ChatHost.StartAsync(configureServices: ChatCircuit.AddServices);
        var ana = await host.CreateUserAsync("ana");
        await using var circuit = await ChatCircuit.OpenAsync(host, ana);
        await circuit.OpenChatAsync(Room.GeneralId);
        var clientId = Guid.NewGuid();

        circuit.Dispatcher.Dispatch(new SendMessage(clientId, Room.GeneralId, "once"));
        circuit.Dispatcher.Dispatch(new RetrySend(clientId));
        circuit.Dispatcher.Dispatch(new RetrySend(clientId));

        await circuit.WaitUntilAsync(
            state => state.Pending.IsEmpty && circuit.Actions.OfType<MessageSendSucceeded>().Any(),
            "the message is confirmed");
        circuit.State.Messages.ShouldHaveSingleItem().Text.ShouldBe("once");
        circuit.Actions.OfType<MessageSendSucceeded>().ShouldAllBe(sent => sent.Message.Sequence == 1);
        (await host.CountMessagesAsync(Room.GeneralId)).ShouldBe(1);
    }

    [Fact]
    public async Task HandleAsync_ShowsTwoMessages_WhenTheSameTextIsSentTwice()
    {
        await using var host = await ChatHost.StartAsync(configureServices: ChatCircuit.AddServices);
        var ana = await host.CreateUserAsync("ana");
        await using var circuit = await ChatCircuit.OpenAsync(host, ana);
        await circuit.OpenChatAsync(Room.GeneralId);

        circuit.Dispatcher.Dispatch(new SendMessage(Guid.NewGuid(), Room.GeneralId, "+1"));
        circuit.Dispatcher.Dispatch(new SendMessage(Guid.NewGuid(), Room.GeneralId, "+1"));

        await circuit.WaitUntilAsync(
            state => state.Pending.IsEmpty && state.Messages.Count == 2 && circuit.Actions.OfType<MessageSendSucceeded>().Count() == 2,
            "both messages are confirmed");
        circuit.State.Messages.Select(m => (m.Sequence, m.Text)).ShouldBe([(1L, "+1"), (2L, "+1")]);
        (await host.CountMessagesAsync(Room.GeneralId)).ShouldBe(2);
    }

    [Fact]
    public async Task HandleAsync_KeepsPendingWithTheError_WhenPostIsRateLimited()
    {
        await using var host = await ChatHost.StartAsync(messagesPerMinute: 1, configureServices: ChatCircuit.AddServices);
        var ana = await host.CreateUserAsync("ana");
        await host.PostAsync(ana, Room.GeneralId, "uses the only token");
        await using var circuit = await ChatCircuit.OpenAsync(host, ana);
        await circuit.OpenChatAsync(Room.GeneralId);
        var clientId = Guid.NewGuid();

        circuit.Dispatcher.Dispatch(new SendMessage(clientId, Room.GeneralId, "too soon"));

        await circuit.WaitUntilAsync(state => state.Pending.Any(p => p.Error is not null), "the pending message shows an error");
        var pending = circuit.State.Pending.ShouldHaveSingleItem();
        pending.ClientId.ShouldBe(clientId);
        pending.Text.ShouldBe("too soon");
        pending.Error.ShouldNotBeNull().ShouldStartWith("You are sending messages too quickly (1 per minute).");
        circuit.State.Messages.ShouldNotContain(m => m.Text == "too soon");
        circuit.Snackbar.ShownSnackbars.ShouldHaveSingleItem().Message.ShouldBe(pending.Error);
        (await host.CountMessagesAsync(Room.GeneralId)).ShouldBe(1);
    }
}
