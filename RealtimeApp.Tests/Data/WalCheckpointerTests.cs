using Microsoft.Extensions.Hosting;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Realtime.Support;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Tests.Data;

public sealed class WalCheckpointerTests
{
    private const int AutomaticCheckpointBytes = 1000 * 4096; // SQLite's default: 1,000 pages of 4 KiB

    [Fact]
    public async Task Checkpointer_CopiesTheLogIntoTheDatabase_WhileTheMessageWriterLeavesCheckpointsToIt()
    {
        await using var host = await ChatHost.StartAsync(messagesPerMinute: 100_000);
        var author = await host.CreateUserAsync("writer");
        var room = await host.CreateRoomAsync("long-reads");
        await host.AddMemberAsync(room, author);
        var before = new FileInfo(host.DatabasePath).Length;

        // More log than the automatic checkpoint allows: a commit that checkpointed would have grown the database file.
        var text = new string('x', ChatRules.MaxMessageLength);
        await Task.WhenAll(Enumerable.Range(0, 1_200).Select(_ => host.PostAsync(author, room, text)));
        new FileInfo(host.DatabasePath + "-wal").Length.ShouldBeGreaterThan(AutomaticCheckpointBytes);
        new FileInfo(host.DatabasePath).Length.ShouldBe(before);

        var checkpointer = host.Get<IEnumerable<IHostedService>>().OfType<WalCheckpointer>().Single();
        await checkpointer.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            await Eventually.WaitUntilAsync(
                () => new FileInfo(host.DatabasePath).Length > before + AutomaticCheckpointBytes,
                "the background checkpoint has copied the messages into the database file");
        }
        finally
        {
            await checkpointer.StopAsync(CancellationToken.None);
        }

        (await host.CountMessagesAsync(room)).ShouldBe(1_200);
    }
}
