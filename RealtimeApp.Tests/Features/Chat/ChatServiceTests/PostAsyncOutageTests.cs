using Microsoft.EntityFrameworkCore;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Realtime.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Chat;

namespace RealtimeApp.Tests.Features.Chat.ChatServiceTests;

/// <summary>PostgreSQL going away under a running node, and coming back.</summary>
public sealed class PostAsyncOutageTests
{
    [Fact]
    public async Task PostAsync_FailsAsStoreUnavailableWhileThePostgreSqlServerIsDown_AndPostsAgainByItselfOnceItIsBack()
    {
        await using var server = await PostgresServer.StartOwnAsync();
        await using var host = await ChatHost.StartAsync(DatabaseProvider.Postgres, postgresServer: server);
        var ana = await host.CreateUserAsync("ana");
        var chat = host.Get<ChatService>();
        await host.PostAsync(ana, "general", "before the outage");

        await server.StopAsync();
        var refused = await Should.ThrowAsync<Exception>(() => chat.PostAsync(ana, "general", "during the outage", TestContext.Current.CancellationToken));
        StoreUnavailable.Is(refused).ShouldBeTrue(refused.ToString());

        await server.StartAgainAsync();
        await Eventually.WaitUntilAsync(
            async () =>
            {
                try
                {
                    return (await chat.PostAsync(ana, "general", "after the outage", TestContext.Current.CancellationToken)).Succeeded;
                }
                catch (Exception exception) when (StoreUnavailable.Is(exception))
                {
                    return false;
                }
            },
            "a post succeeds once PostgreSQL is back",
            TimeSpan.FromSeconds(30));

        await using var db = await host.OpenDbAsync();
        var stored = await db.ChatMessages.Where(m => m.RoomId == "general").OrderBy(m => m.Sequence)
            .Select(m => new { m.Sequence, m.Text }).ToListAsync(TestContext.Current.CancellationToken);
        // Nothing half-written: the refused post left no row and no gap in the room's sequence.
        stored.Select(m => m.Text).ShouldBe(["before the outage", "after the outage"]);
        stored.Select(m => m.Sequence).ShouldBe([1L, 2L]);
        (await db.Rooms.SingleAsync(r => r.Id == "general", TestContext.Current.CancellationToken)).LastSequence.ShouldBe(2);
    }
}
