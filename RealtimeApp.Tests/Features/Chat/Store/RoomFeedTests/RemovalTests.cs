using RealtimeApp.Domain.Realtime;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Web.Features.Chat.Store;
using RealtimeApp.Web.Features.Rooms;

namespace RealtimeApp.Tests.Features.Chat.Store.RoomFeedTests;

public sealed class RemovalTests
{
    [Fact]
    public async Task OnRoomEvent_ClosesTheRoom_WhenUserIsRemovedFromThePrivateRoomTheyHaveOpen()
    {
        await using var host = await ChatHost.StartAsync(configureServices: ChatCircuit.AddServices);
        var root = await host.CreateUserAsync("root", admin: true);
        var ana = await host.CreateUserAsync("ana");
        var bob = await host.CreateUserAsync("bob");
        var secret = await host.CreateRoomAsync("secret", isPrivate: true);
        await host.AddMemberAsync(secret, ana);
        await host.AddMemberAsync(secret, bob);
        await host.PostAsync(bob, secret, "before");
        await using var circuit = await ChatCircuit.OpenAsync(host, ana);
        await circuit.OpenChatAsync(secret);

        (await host.Get<RoomMembers>().RemoveAsync(root, secret, ana.UserId, TestContext.Current.CancellationToken)).Failure.ShouldBeNull();

        await circuit.WaitUntilAsync(_ => circuit.Actions.OfType<RemovedFromRoom>().Any(), "Ana's circuit learns she was removed");
        await circuit.WaitUntilAsync(state => state.Rooms.TrueForAll(r => r.Id != secret), "#secret leaves Ana's room list");
        var state = circuit.State;
        state.Messages.ShouldBeEmpty();
        state.Error.ShouldBe("You are no longer a member of #secret.");
        circuit.Actions.OfType<RemovedFromRoom>().ShouldHaveSingleItem().RoomId.ShouldBe(secret);
    }

    [Fact]
    public async Task OnRoomEvent_StopsFollowingTheRoom_WhenUserIsRemovedSoLaterMessagesNeverArrive()
    {
        await using var host = await ChatHost.StartAsync(configureServices: ChatCircuit.AddServices);
        var root = await host.CreateUserAsync("root", admin: true);
        var ana = await host.CreateUserAsync("ana");
        var bob = await host.CreateUserAsync("bob");
        var secret = await host.CreateRoomAsync("secret", isPrivate: true);
        var dev = await host.CreateRoomAsync("dev");
        await host.AddMemberAsync(secret, ana);
        await host.AddMemberAsync(secret, bob);
        await host.AddMemberAsync(dev, ana);
        await using var circuit = await ChatCircuit.OpenAsync(host, ana);
        await circuit.OpenChatAsync(secret);
        await host.Get<RoomMembers>().RemoveAsync(root, secret, ana.UserId, TestContext.Current.CancellationToken);
        await circuit.WaitUntilAsync(_ => circuit.Actions.OfType<RemovedFromRoom>().Any(), "Ana's circuit learns she was removed");

        await host.PostAsync(bob, secret, "after removal");
        await host.PostAsync(bob, dev, "sentinel");

        await circuit.WaitUntilAsync(state => state.Rooms.Find(r => r.Id == dev)?.Unread == 1, "the later message in #dev arrives");
        host.Get<EventHub>().SubscriberCountFor(Topics.Room(secret)).ShouldBe(0);
        circuit.Actions.OfType<MessageReceived>().ShouldNotContain(received => received.Message.RoomId == secret);
        circuit.State.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task OnRoomEvent_DropsMessagesQueuedBehindTheRemoval_WhenTheyArePostedRightAfterIt()
    {
        await using var host = await ChatHost.StartAsync(configureServices: ChatCircuit.AddServices);
        var root = await host.CreateUserAsync("root", admin: true);
        var ana = await host.CreateUserAsync("ana");
        var bob = await host.CreateUserAsync("bob");
        var secret = await host.CreateRoomAsync("secret", isPrivate: true);
        var dev = await host.CreateRoomAsync("dev");
        await host.AddMemberAsync(secret, ana);
        await host.AddMemberAsync(secret, bob);
        await host.AddMemberAsync(dev, ana);
        await using var circuit = await ChatCircuit.OpenAsync(host, ana);
        await circuit.OpenChatAsync(secret);

        await host.Get<RoomMembers>().RemoveAsync(root, secret, ana.UserId, TestContext.Current.CancellationToken);
        await host.PostManyAsync(bob, secret, 5);
        await host.PostAsync(bob, dev, "sentinel");

        await circuit.WaitUntilAsync(
            state => circuit.Actions.OfType<RemovedFromRoom>().Any() && state.Rooms.Find(r => r.Id == dev)?.Unread == 1,
            "the removal and the later message in #dev arrive");
        circuit.Actions.OfType<MessageReceived>().ShouldNotContain(received => received.Message.RoomId == secret);
        circuit.State.Messages.ShouldBeEmpty();
    }
}
