using RealtimeApp.Domain.Chat;
using RealtimeApp.Tests.Features.Chat.Support;

namespace RealtimeApp.Tests.Features.Chat.Store.RoomFeedTests;

public sealed class LiveMessageTests
{
    [Fact]
    public async Task Follow_ShowsMessageLive_WhenAnotherUserPostsInTheOpenRoom()
    {
        await using var host = await ChatHost.StartAsync(configureServices: ChatCircuit.AddServices);
        var ana = await host.CreateUserAsync("ana");
        var bob = await host.CreateUserAsync("bob");
        await using var circuit = await ChatCircuit.OpenAsync(host, ana);
        await circuit.OpenChatAsync(Room.GeneralId);

        var posted = await host.PostAsync(bob, Room.GeneralId, "hello ana");

        await circuit.WaitUntilAsync(state => state.Messages.Any(m => m.Sequence == posted.Sequence), "Bob's message reaches Ana's state");
        var message = circuit.State.Messages.ShouldHaveSingleItem();
        message.Text.ShouldBe("hello ana");
        message.AuthorId.ShouldBe(bob.UserId);
    }

    [Fact]
    public async Task Follow_BumpsUnread_WhenAnotherUserPostsInAMemberRoomThatIsNotOpen()
    {
        await using var host = await ChatHost.StartAsync(configureServices: ChatCircuit.AddServices);
        var ana = await host.CreateUserAsync("ana");
        var bob = await host.CreateUserAsync("bob");
        var dev = await host.CreateRoomAsync("dev");
        await host.AddMemberAsync(dev, ana);
        await using var circuit = await ChatCircuit.OpenAsync(host, ana);
        await circuit.OpenChatAsync(Room.GeneralId);

        await host.PostAsync(bob, dev, "in dev");

        await circuit.WaitUntilAsync(state => state.Rooms.Find(r => r.Id == dev)?.Unread == 1, "#dev shows one unread message");
        circuit.State.Rooms.Find(r => r.Id == dev)!.LastSequence.ShouldBe(1);
        circuit.State.CurrentRoomId.ShouldBe(Room.GeneralId);
        circuit.State.Messages.ShouldBeEmpty();
    }
}
