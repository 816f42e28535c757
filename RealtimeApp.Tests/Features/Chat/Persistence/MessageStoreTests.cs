using Microsoft.EntityFrameworkCore;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Chat;
using RealtimeApp.Web.Features.Chat.Persistence;

namespace RealtimeApp.Tests.Features.Chat.Persistence;

/// <summary>The contract every engine's <see cref="IMessageStore"/> keeps, checked on each engine by the same tests.</summary>
public sealed class MessageStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 30, 0, TimeSpan.Zero);

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task StoreAsync_NumbersEachRoomsMessagesOnFromItsCounter_InBatchOrder(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        await host.CreateRoomAsync("ops");
        await host.PostAsync(ana, "general", "already there");
        await using var session = await host.Get<IMessageStore>().OpenSessionAsync(TestContext.Current.CancellationToken);

        var stored = (await session.StoreAsync(
            [Message("ops", "o1"), Message("general", "g2"), Message("ops", "o2"), Message("general", "g3"), Message("ops", "o3")], Now)).Messages;

        stored.Select(m => (m.RoomId, m.Sequence, m.Text)).ShouldBe(
            [("ops", 1L, "o1"), ("general", 2L, "g2"), ("ops", 2L, "o2"), ("general", 3L, "g3"), ("ops", 3L, "o3")]);
        stored.ShouldAllBe(m => m.PostedAt == Now);
        await using var db = await host.OpenDbAsync();
        var rows = await db.ChatMessages.AsNoTracking().ToDictionaryAsync(m => m.Id, TestContext.Current.CancellationToken);
        stored.ShouldAllBe(m => rows[m.Id].RoomId == m.RoomId && rows[m.Id].Sequence == m.Sequence && rows[m.Id].Text == m.Text);
        (await db.Rooms.AsNoTracking().OrderBy(r => r.Id).Select(r => r.LastSequence).ToListAsync(TestContext.Current.CancellationToken)).ShouldBe([3L, 3L]);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task StoreAsync_StoresNothingAndThrows_WhenARoomOfTheBatchDoesNotExist(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        await using var session = await host.Get<IMessageStore>().OpenSessionAsync(TestContext.Current.CancellationToken);

        var storing = () => session.StoreAsync([Message("general", "kept?"), Message("gone", "lost")], Now);

        (await storing.ShouldThrowAsync<InvalidOperationException>()).Message.ShouldContain("'gone'");
        await using var db = await host.OpenDbAsync();
        (await db.ChatMessages.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
        (await db.Rooms.SingleAsync(r => r.Id == "general", TestContext.Current.CancellationToken)).LastSequence.ShouldBe(0);
        (await session.StoreAsync([Message("general", "after")], Now)).Messages.ShouldHaveSingleItem().Sequence.ShouldBe(1);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task StoreAsync_KeepsEveryRoomGapFreeAndUnique_WhenTwoWritersStoreIntoTheSameRoomsAtOnce(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        await host.CreateRoomAsync("ops");
        var store = host.Get<IMessageStore>();

        // Two writers, as two nodes have: each its own session, taking the rooms in opposite orders.
        await Task.WhenAll(WriteAsync(store, "general", "ops"), WriteAsync(store, "ops", "general"));

        await using var db = await host.OpenDbAsync();
        foreach (var room in new[] { "general", "ops" })
        {
            var sequences = await db.ChatMessages.Where(m => m.RoomId == room).OrderBy(m => m.Sequence).Select(m => m.Sequence)
                .ToListAsync(TestContext.Current.CancellationToken);
            sequences.ShouldBe(Enumerable.Range(1, 2 * 40 * 5).Select(n => (long)n));
        }
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task StoreAsync_InsertsTheFirstOnlyAndTakesOneNumber_WhenAClientIdRepeatsInTheBatch(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        await using var session = await host.Get<IMessageStore>().OpenSessionAsync(TestContext.Current.CancellationToken);

        var stored = await session.StoreAsync(
            [Message("general", "a", clientId: "c-1"), Message("general", "b"), Message("general", "a", clientId: "c-1"), Message("general", "c", clientId: "c-2")], Now);

        stored.Messages.Select(m => (m.Sequence, m.Text, m.ClientId)).ShouldBe([(1L, "a", "c-1"), (2L, "b", null), (1L, "a", "c-1"), (3L, "c", "c-2")]);
        stored.Messages[2].ShouldBeSameAs(stored.Messages[0]);
        stored.Added.Select(m => m.Sequence).ShouldBe([1L, 2L, 3L]);
        await using var db = await host.OpenDbAsync();
        (await db.ChatMessages.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(3);
        (await db.Rooms.SingleAsync(r => r.Id == "general", TestContext.Current.CancellationToken)).LastSequence.ShouldBe(3);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task StoreAsync_ReturnsTheCommittedMessageAndAddsNothing_WhenItsClientIdWasStoredBefore(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        await using var session = await host.Get<IMessageStore>().OpenSessionAsync(TestContext.Current.CancellationToken);
        var original = (await session.StoreAsync([Message("general", "a", clientId: "c-1")], Now)).Messages.ShouldHaveSingleItem();

        var retried = await session.StoreAsync([Message("general", "a", clientId: "c-1"), Message("general", "b")], Now.AddSeconds(5));

        var again = retried.Messages[0];
        (again.Id, again.Sequence, again.PostedAt, again.Text, again.ClientId).ShouldBe((original.Id, 1L, Now, "a", "c-1"));
        retried.Added.ShouldHaveSingleItem().Sequence.ShouldBe(2);
        await using var db = await host.OpenDbAsync();
        (await db.Rooms.SingleAsync(r => r.Id == "general", TestContext.Current.CancellationToken)).LastSequence.ShouldBe(2);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task StoreAsync_StoresEachClientIdOnceWithoutGaps_WhenTwoWritersStoreTheSameClientIdsAtOnce(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        await host.CreateRoomAsync("ops");
        var store = host.Get<IMessageStore>();

        // Two nodes' writers, each sending every message of the other: as a client retrying on another node would.
        var added = await Task.WhenAll(WriteRetriesAsync(store, "general", "ops"), WriteRetriesAsync(store, "ops", "general"));

        added.Sum().ShouldBe(2 * 20 * 4);
        await using var db = await host.OpenDbAsync();
        foreach (var room in new[] { "general", "ops" })
        {
            var sequences = await db.ChatMessages.Where(m => m.RoomId == room).OrderBy(m => m.Sequence).Select(m => m.Sequence)
                .ToListAsync(TestContext.Current.CancellationToken);
            sequences.ShouldBe(Enumerable.Range(1, 20 * 4).Select(n => (long)n));
        }
    }

    private static async Task<int> WriteRetriesAsync(IMessageStore store, string first, string second)
    {
        await Task.Yield();
        await using var session = await store.OpenSessionAsync(TestContext.Current.CancellationToken);
        var added = 0;
        for (var batch = 0; batch < 20; batch++)
        {
            var stored = await session.StoreAsync(
                [.. Enumerable.Range(0, 4).SelectMany(i => new[]
                {
                    Message(first, $"{first} {batch}.{i}", clientId: $"{first}-{batch}-{i}"),
                    Message(second, $"{second} {batch}.{i}", clientId: $"{second}-{batch}-{i}"),
                })],
                Now);
            added += stored.Added.Count;
        }

        return added;
    }

    private static async Task WriteAsync(IMessageStore store, string first, string second)
    {
        await Task.Yield();
        await using var session = await store.OpenSessionAsync(TestContext.Current.CancellationToken);
        for (var batch = 0; batch < 40; batch++)
        {
            await session.StoreAsync(
                [Message(first, "a"), Message(second, "b"), Message(first, "c"), Message(second, "d"), Message(first, "e"),
                 Message(second, "f"), Message(first, "g"), Message(second, "h"), Message(first, "i"), Message(second, "j")],
                Now);
        }
    }

    private static NewMessage Message(string roomId, string text, string? clientId = null) => new(roomId, "author", "Author", text, [], clientId);
}
