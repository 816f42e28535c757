using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Tests.Features.Chat.Support;

namespace RealtimeApp.Tests.Features.Chat.Store.RoomFeedTests;

/// <summary>
/// A message posted on another node while the backplane was down never reaches this node's hub; when the backplane
/// comes back (<see cref="BackplaneResumed"/>), an open chat reads it from the database.
/// </summary>
public sealed class ResyncTests
{
    [Fact]
    public async Task BackplaneResumed_ShowsAMessageTheHubNeverDelivered_AndCountsItInTheRoomList()
    {
        await using var host = await ChatHost.StartAsync(configureServices: ChatCircuit.AddServices);
        var ana = await host.CreateUserAsync("ana");
        var dev = await host.CreateRoomAsync("dev");
        await host.AddMemberAsync(dev, ana);
        await using var circuit = await ChatCircuit.OpenAsync(host, ana);
        await circuit.OpenChatAsync(Room.GeneralId);
        await StoreUnpublishedAsync(host, Room.GeneralId, "from another node");
        await StoreUnpublishedAsync(host, dev, "also from another node");

        host.Get<EventHub>().Publish(new BackplaneResumed());

        await circuit.WaitUntilAsync(state => state.Messages.Any(m => m.Text == "from another node"), "the missed message is shown");
        await circuit.WaitUntilAsync(state => state.Rooms.Find(r => r.Id == dev)?.Unread == 1, "#dev counts the missed message");
    }

    /// <summary>What another node's post leaves in the shared database, without an event on this node's hub.</summary>
    private static async Task StoreUnpublishedAsync(ChatHost host, string roomId, string text)
    {
        await using var db = await host.OpenDbAsync();
        var room = await db.Rooms.SingleAsync(r => r.Id == roomId, TestContext.Current.CancellationToken);
        room.LastSequence++;
        room.LastActivityAt = DateTimeOffset.UtcNow;
        db.ChatMessages.Add(new ChatMessage { RoomId = roomId, Sequence = room.LastSequence, AuthorId = "someone-else", AuthorName = "Someone", Text = text, PostedAt = DateTimeOffset.UtcNow, Mentions = "" });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
