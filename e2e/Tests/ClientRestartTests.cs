using System.Collections.Concurrent;
using RealtimeApp.Client;
using RealtimeApp.Client.Api;
using RealtimeApp.E2E.Support;
using RealtimeApp.Tests.Realtime.Support;
using Room = RealtimeApp.Domain.Chat.Room;

namespace RealtimeApp.E2E.Tests;

/// <summary>
/// The API's .NET client across the end of its server: stopped with SIGTERM and started again, then killed (kill -9)
/// and started again, on the same port and database, while one client posts and another follows the room.
/// </summary>
public sealed class ClientRestartTests : IDisposable
{
    private const string Email = "client-restart-bot@example.com";
    private const int PostsBetweenRestarts = 20;

    private readonly string _directory = Directory.CreateTempSubdirectory("realtimeapp-client-restart-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task FollowerGetsEveryMessageOnceInOrder_AndNoResentPostIsStoredTwice_AcrossASigtermRestartAndAKill9Restart()
    {
        var ct = TestContext.Current.CancellationToken;
        var (settings, token) = await UnlimitedBotNode.PrepareAsync(_directory, Email, ct);
        var port = LoopbackPorts.Free();
        var first = await AppNode.StartAsync("first", settings, ct, port);
        await using var stopFirst = first;
        await using var followerClient = ApiClients.Connect(first.BaseAddress, token);
        await using var posterClient = ApiClients.Connect(first.BaseAddress, token);
        using var stopPosting = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var stopFollowing = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var received = new ConcurrentQueue<ChatMessage>();
        var following = FollowAsync(followerClient, received, stopFollowing.Token);
        var poster = new Poster(posterClient);
        var posting = poster.PostUntilStoppedAsync(stopPosting.Token);

        await poster.WaitForMoreAsync(PostsBetweenRestarts);
        (await first.TerminateAsync(ct)).ShouldBe(0, "SIGTERM is a clean stop: " + first.LastOutput);
        var second = await AppNode.StartAsync("after SIGTERM", settings, ct, port);
        await using var stopSecond = second;
        await poster.WaitForMoreAsync(PostsBetweenRestarts);
        await second.KillAsync();
        await using var third = await AppNode.StartAsync("after kill -9", settings, ct, port);
        await poster.WaitForMoreAsync(PostsBetweenRestarts);
        await stopPosting.CancelAsync();
        await posting;

        var stored = (await posterClient.Chat.HistoryAsync(Room.GeneralId, limit: 1, cancellationToken: ct)).Single().Sequence;
        await Eventually.WaitUntilAsync(() => received.Count >= stored || following.IsCompleted, "the follower caught up with the room");
        await stopFollowing.CancelAsync();
        await following;
        received.Select(message => message.Sequence).ShouldBe(Enumerable.Range(1, (int)stored).Select(sequence => (long)sequence), "every message once, in order");
        var texts = received.Select(message => message.Text).ToList();
        texts.ShouldBeUnique("a post sent again after a lost answer (same clientId) is stored once");
        poster.Acknowledged.ShouldBeSubsetOf(texts);
    }

    /// <summary>Follows the room from its first message until stopped.</summary>
    private static async Task FollowAsync(RealtimeClient client, ConcurrentQueue<ChatMessage> received, CancellationToken stop)
    {
        try
        {
            await foreach (var message in client.Chat.OnMessageAsync(Room.GeneralId, afterSequence: 0, stop))
            {
                received.Enqueue(message);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The test is over.
        }
    }

    /// <summary>
    /// Posts numbered messages one after another, as a careful script does: a post whose answer was lost (the
    /// connection went, the server was stopping, or no answer came in time) is sent again with the same clientId.
    /// </summary>
    private sealed class Poster(RealtimeClient client)
    {
        private readonly ConcurrentQueue<string> _acknowledged = new();

        public IReadOnlyCollection<string> Acknowledged => _acknowledged;

        public async Task PostUntilStoppedAsync(CancellationToken stop)
        {
            for (var number = 1; !stop.IsCancellationRequested; number++)
            {
                var text = $"post {number}";
                while (true)
                {
                    try
                    {
                        await client.Chat.SendAsync(Room.GeneralId, text, clientId: $"post-{number}", CancellationToken.None);
                        _acknowledged.Enqueue(text);
                        break;
                    }
                    catch (Exception lost) when (lost is RealtimeConnectionException { IsFinal: false } or RealtimeApiException { Code: "SERVICE_UNAVAILABLE" })
                    {
                        // Maybe stored, maybe not: the same clientId makes sending it again safe.
                    }
                }
            }
        }

        public async Task WaitForMoreAsync(int count)
        {
            var target = _acknowledged.Count + count;
            await Eventually.WaitUntilAsync(() => _acknowledged.Count >= target, $"{count} more posts were acknowledged", TimeSpan.FromSeconds(60));
        }
    }
}
