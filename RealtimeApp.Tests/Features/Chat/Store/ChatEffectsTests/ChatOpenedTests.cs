using RealtimeApp.Domain.Chat;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Web.Features.Chat.Store;
using RealtimeApp.Web.Shared.Actions;

namespace RealtimeApp.Tests.Features.Chat.Store.ChatEffectsTests;

public sealed class ChatOpenedTests
{
    [Fact]
    public async Task HandleAsync_LoadsRoomsAndOpensGeneralWithItsHistory_WhenNoRoomIsAsked()
    {
        await using var host = await ChatHost.StartAsync(configureServices: ChatCircuit.AddServices);
        var ana = await host.CreateUserAsync("ana");
        var bob = await host.CreateUserAsync("bob");
        await host.PostManyAsync(bob, Room.GeneralId, 2);
        await using var circuit = await ChatCircuit.OpenAsync(host, ana);

        circuit.Dispatcher.Dispatch(new ChatOpened(null));

        await circuit.WaitUntilAsync(
            state => state.CurrentRoomId == Room.GeneralId && state.Messages.Count == 2 && state.OpenRoomInfo is not null,
            "#general is open with its history and description");
        var state = circuit.State;
        state.UserId.ShouldBe(ana.UserId);
        state.Rooms.ShouldContain(room => room.Id == Room.GeneralId);
        state.Messages.Select(m => m.Text).ShouldBe(["message 1", "message 2"]);
        state.OpenRoomInfo!.Id.ShouldBe(Room.GeneralId);
        state.Error.ShouldBeNull();
        circuit.Actions.Where(a => a is RoomsLoaded or RoomOpened or HistoryLoaded).Take(3).Select(a => a.GetType())
            .ShouldBe([typeof(RoomsLoaded), typeof(RoomOpened), typeof(HistoryLoaded)]);
    }

    [Fact]
    public async Task HandleAsync_OpensTheAskedRoom_WhenARoomIsGiven()
    {
        await using var host = await ChatHost.StartAsync(configureServices: ChatCircuit.AddServices);
        var ana = await host.CreateUserAsync("ana");
        var dev = await host.CreateRoomAsync("dev");
        await host.PostAsync(ana, dev, "in dev");
        await using var circuit = await ChatCircuit.OpenAsync(host, ana);

        await circuit.OpenChatAsync(dev);

        circuit.State.CurrentRoomId.ShouldBe(dev);
        circuit.State.Messages.ShouldHaveSingleItem().Text.ShouldBe("in dev");
    }

    [Fact]
    public async Task HandleAsync_ReportsTheRefusal_WhenTheAskedRoomIsPrivate()
    {
        await using var host = await ChatHost.StartAsync(configureServices: ChatCircuit.AddServices);
        var ana = await host.CreateUserAsync("ana");
        var secret = await host.CreateRoomAsync("secret", isPrivate: true);
        await using var circuit = await ChatCircuit.OpenAsync(host, ana);

        circuit.Dispatcher.Dispatch(new ChatOpened(secret));

        await circuit.WaitUntilAsync(state => state.Error is not null, "the chat reports an error");
        circuit.State.Error.ShouldBe("#secret is private and you are not a member.");
        circuit.State.Messages.ShouldBeEmpty();
    }
}
