using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Tests.Features.Chat.ChatServiceTests;

public sealed class PostAsyncConcurrencyTests
{
    private const int Writers = 8;
    private const int PostsPerWriter = 500;
    private const int Total = Writers * PostsPerWriter;

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task PostAsync_AssignsConsecutiveSequencesAndPublishesEachOnceInOrder_WhenEightWritersPostConcurrently(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine, messagesPerMinute: 100_000);
        var room = await host.CreateRoomAsync("busy");
        var writers = new List<Actor>();
        for (var i = 0; i < Writers; i++)
        {
            var writer = await host.CreateUserAsync($"writer{i}");
            await host.AddMemberAsync(room, writer);
            writers.Add(writer);
        }

        using var published = new EventRecorder<MessagePosted>(host.Get<EventHub>(), Topics.Room(room), Total);

        var sequences = await Task.WhenAll(writers.Select(writer => Task.Run(async () =>
        {
            var mine = new List<long>(PostsPerWriter);
            for (var i = 0; i < PostsPerWriter; i++)
            {
                mine.Add((await host.PostAsync(writer, room, $"{writer.DisplayName} #{i}")).Sequence);
            }

            return mine;
        })));
        await published.WaitAsync();

        sequences.SelectMany(s => s).Order().ShouldBe(SequenceRange.Of(1, Total));
        sequences.ShouldAllBe(mine => mine.SequenceEqual(mine.Order()));
        published.Events.Select(e => e.Sequence).ShouldBe(SequenceRange.Of(1, Total));
        (await host.CountMessagesAsync(room)).ShouldBe(Total);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task PostAsync_JoinsThePublicRoomOnce_WhenANewcomersFirstPostsArriveTogether(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine, messagesPerMinute: 100_000);
        var room = await host.CreateRoomAsync("open");
        var newcomer = await host.CreateUserAsync("newcomer");

        var posted = await Task.WhenAll(Enumerable.Range(1, Writers).Select(i => Task.Run(() => host.PostAsync(newcomer, room, $"hello {i}"))));

        posted.Select(message => message.Sequence).Order().ShouldBe(SequenceRange.Of(1, Writers), "every first post is stored");
        await using var db = await host.OpenDbAsync();
        db.RoomMemberships.Count(m => m.RoomId == room && m.UserId == newcomer.UserId).ShouldBe(1);
    }
}
