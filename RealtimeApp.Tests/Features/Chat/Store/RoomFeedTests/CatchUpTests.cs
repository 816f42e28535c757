using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Features.Chat;
using RealtimeApp.Web.Features.Chat.Store;

namespace RealtimeApp.Tests.Features.Chat.Store.RoomFeedTests;

public sealed class CatchUpTests
{
    private const int MessageCount = 5_000;

    [Fact]
    public async Task Follow_EndsWithEveryMessageOnceInOrder_WhenTheCircuitIsHeldWhileFiveThousandArePosted()
    {
        await using var host = await ChatHost.StartAsync(configureServices: services =>
        {
            ChatCircuit.AddServices(services);
            HeldDispatcher.AddTo(services);
        });
        var ana = await host.CreateUserAsync("ana");
        var bob = await host.CreateUserAsync("bob");
        await using var circuit = await ChatCircuit.OpenAsync(host, ana);
        await circuit.OpenChatAsync(Room.GeneralId);
        using var resyncs = host.CountOnAppMeter("realtimeapp.stream.resyncs");
        var held = circuit.Get<HeldDispatcher>();

        held.Hold(action => action is MessageReceived);
        await PostAllAtOnceAsync(host, bob, MessageCount);
        await Realtime.Support.Eventually.WaitUntilAsync(() => held.Waiting == 1, "the room's feed is held");
        held.Release();

        await circuit.WaitUntilAsync(
            state => state.Messages.Count == MessageCount, $"all {MessageCount} messages are shown", TimeSpan.FromMinutes(2));
        circuit.State.Messages.Select(m => m.Sequence).ShouldBe(SequenceRange.Of(1, MessageCount), "each message once, in order");
        circuit.Actions.OfType<MessageReceived>().Select(r => r.Message.Sequence)
            .ShouldBe(SequenceRange.Of(1, MessageCount), "the feed dispatched each message once, in order");
        resyncs.Total.ShouldBeGreaterThan(0, "the held feed overflowed and read the rest back from the database");
    }

    /// <summary>Everything queued at once, so the writer commits and publishes batches of up to 1,024 messages.</summary>
    private static Task PostAllAtOnceAsync(ChatHost host, Actor author, int count)
    {
        var writer = host.Get<MessageWriter>();
        return Task.WhenAll(Enumerable.Range(1, count).Select(i =>
            writer.WriteAsync(new NewMessage(Room.GeneralId, author.UserId, author.DisplayName, $"message {i}", []), TestContext.Current.CancellationToken)));
    }
}
