using System.Collections.Concurrent;
using System.Diagnostics;
using RealtimeApp.Client;
using RealtimeApp.Domain.Users;
using RealtimeApp.E2E.Pages;
using RealtimeApp.E2E.Support;
using RealtimeApp.Tests.Realtime.Support;
using static Microsoft.Playwright.Assertions;

namespace RealtimeApp.E2E.Tests;

/// <summary>
/// Two node processes while something fails under load: node A killed with SIGKILL, Redis down for 10 s. Every
/// subscriber ends with every acknowledged message, in order, once.
/// </summary>
[Collection(SharedTwoNodes.Collection)] // one heavy two-node test at a time: each starts its own nodes
public sealed class TwoNodeFailureTests(BrowserHost host)
{
    private static readonly string[] UnlimitedPosting = ["--messages-per-minute", "1000000", "--requests-per-second", "100000", "--burst", "100000"];
    private static readonly TimeSpan RedisOutage = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan PresenceDropLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task NodeAKilledWhilePublishing_ItsOfficialClientResumesOnNodeB_WithNothingLost_AndItsUsersLeavePresence()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var nodes = await TwoNodes.CreateAsync();
        var people = await Task.WhenAll(nodes.CreateUserAsync("ana", Roles.Staff, ct), nodes.CreateUserAsync("ben", Roles.Staff, ct));
        var (ana, ben) = (people[0], people[1]);
        var (token, roomId) = await PrepareBotAsync(nodes, ct);
        var chatOnB = new ChatPage(await host.SignInAsync(nodes.B.BaseAddress, ben, TwoNodes.Password));
        await new ChatPage(await host.SignInAsync(nodes.A.BaseAddress, ana, TwoNodes.Password)).OpenAsync();
        await chatOnB.OpenAsync();
        await Expect(chatOnB.OnlineMember(ana)).ToBeVisibleAsync();
        var end = $"the end {Guid.NewGuid():N}";
        var lines = new ConcurrentQueue<string>();
        var follower = NodeScript.RunAsync(
            "failover.mjs",
            new Dictionary<string, string>
            {
                ["NODE_A"] = nodes.A.ApiAddress.GetLeftPart(UriPartial.Path),
                ["NODE_B"] = nodes.B.ApiAddress.GetLeftPart(UriPartial.Path),
                ["TRPC_TOKEN"] = token,
                ["ROOM_ID"] = roomId,
                ["END_TEXT"] = end,
            },
            line =>
            {
                lines.Enqueue(line);
                return null;
            },
            ct);
        await Eventually.WaitUntilAsync(() => lines.Contains("STARTED") || follower.IsCompleted, "the official client's subscription started on node A");
        await using var publisherOnA = Publisher.Start(nodes.A, token, roomId, ct);
        await using var publisherOnB = Publisher.Start(nodes.B, token, roomId, ct);
        await Eventually.WaitUntilAsync(() => publisherOnA.Acknowledged.Count >= 20 && publisherOnB.Acknowledged.Count >= 20, "both nodes acknowledged posts");

        await nodes.A.KillAsync();
        var sinceKill = Stopwatch.StartNew();
        var acknowledgedByB = publisherOnB.Acknowledged.Count;
        await Eventually.WaitUntilAsync(() => publisherOnB.Acknowledged.Count >= acknowledgedByB + 20, "node B acknowledged more posts after the kill");
        await publisherOnA.StopAsync();
        await publisherOnB.StopAsync();
        await publisherOnB.PostAsync(end, ct);
        var (exitCode, output) = await follower;

        exitCode.ShouldBe(0, output);
        lines.ShouldContain($"OPEN {nodes.B.ApiAddress.GetLeftPart(UriPartial.Path)}", output);
        var events = lines.Where(line => line.StartsWith("EVENT ", StringComparison.Ordinal)).Select(line => line.Split(' ', 4)).ToList();
        // The room is new: every message stored in it (acknowledged or cut off by the kill after its commit) arrives once, in order.
        events.Select(e => long.Parse(e[2], System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(Enumerable.Range(1, events.Count).Select(i => (long)i));
        events.ShouldAllBe(e => e[1] == e[2]);
        var received = events.Select(e => e[3]).ToHashSet();
        publisherOnA.Acknowledged.Concat(publisherOnB.Acknowledged).Select(m => m.Text).ShouldBeSubsetOf(received);
        // A dead node's users leave every room within 30 s of its death (heartbeats stop; the others drop it).
        var left = PresenceDropLimit - sinceKill.Elapsed;
        await Expect(chatOnB.OnlineMember(ana)).ToHaveCountAsync(0, new() { Timeout = (float)Math.Max(left.TotalMilliseconds, 1) });
    }

    [Fact]
    public async Task RedisDownFor10Seconds_WhilePublishingOnBothNodes_EverySubscriberEndsWithEveryAcknowledgedMessageInOrderOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var nodes = await TwoNodes.CreateAsync();
        var (token, roomId) = await PrepareBotAsync(nodes, ct);
        await using var subscriberOnA = ApiClients.Connect(nodes.A.BaseAddress, token);
        await using var subscriberOnB = ApiClients.Connect(nodes.B.BaseAddress, token);
        await using var followerOnA = new Follower(subscriberOnA, roomId);
        await using var followerOnB = new Follower(subscriberOnB, roomId);
        await using var publisherOnA = Publisher.Start(nodes.A, token, roomId, ct);
        await using var publisherOnB = Publisher.Start(nodes.B, token, roomId, ct);
        await Eventually.WaitUntilAsync(() => publisherOnA.Acknowledged.Count >= 10 && publisherOnB.Acknowledged.Count >= 10, "both nodes acknowledged posts");

        await nodes.Redis.StopAsync();
        var outage = Stopwatch.StartNew();
        var (beforeA, beforeB) = (publisherOnA.Acknowledged.Count, publisherOnB.Acknowledged.Count);
        await Eventually.WaitUntilAsync(
            () => outage.Elapsed >= RedisOutage && publisherOnA.Acknowledged.Count > beforeA + 10 && publisherOnB.Acknowledged.Count > beforeB + 10,
            "Redis was down for 10 s while both nodes acknowledged posts",
            RedisOutage * 3);
        await nodes.Redis.StartAgainAsync();
        (beforeA, beforeB) = (publisherOnA.Acknowledged.Count, publisherOnB.Acknowledged.Count);
        await Eventually.WaitUntilAsync(
            () => publisherOnA.Acknowledged.Count > beforeA + 10 && publisherOnB.Acknowledged.Count > beforeB + 10, "both nodes acknowledged posts after Redis came back");
        await publisherOnA.StopAsync();
        await publisherOnB.StopAsync();

        var acknowledged = publisherOnA.Acknowledged.Concat(publisherOnB.Acknowledged).Select(m => m.Sequence).Order().ToList();
        acknowledged.ShouldBe(Enumerable.Range(1, acknowledged.Count).Select(i => (long)i), "every post was acknowledged, so the sequences have no gap");
        await Eventually.WaitUntilAsync(
            () => followerOnA.Sequences.Count >= acknowledged.Count && followerOnB.Sequences.Count >= acknowledged.Count, "both subscribers received as many messages as were acknowledged");
        followerOnA.Sequences.ShouldBe(acknowledged);
        followerOnB.Sequences.ShouldBe(acknowledged);
    }

    /// <summary>An admin bot without posting limits (set before the nodes start), its token, and a room of the test's own.</summary>
    private static async Task<(string Token, string RoomId)> PrepareBotAsync(TwoNodes nodes, CancellationToken ct)
    {
        var bot = await nodes.CreateUserAsync("bot", Roles.Admin, ct);
        var creatingToken = nodes.CreateTokenAsync(bot, ct);
        await nodes.SetLimitsAsync(bot, UnlimitedPosting, ct);
        var token = await creatingToken;
        await nodes.StartNodesAsync(ct);
        await using var admin = ApiClients.Connect(nodes.A.BaseAddress, token);
        var room = await admin.Rooms.CreateAsync($"nodes-{Guid.NewGuid():N}"[..14], cancellationToken: ct);
        return (token, room.Id);
    }

    /// <summary>A live subscriber to a new room: follows it from its first message, keeping the sequences in the order they arrive.</summary>
    private sealed class Follower : IAsyncDisposable
    {
        private readonly ConcurrentQueue<long> _sequences = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _following;

        public Follower(RealtimeClient client, string roomId) => _following = FollowAsync(client, roomId);

        public IReadOnlyCollection<long> Sequences => _sequences;

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _following;
            _stop.Dispose();
        }

        private async Task FollowAsync(RealtimeClient client, string roomId)
        {
            try
            {
                await foreach (var message in client.Chat.OnMessageAsync(roomId, afterSequence: 0, _stop.Token))
                {
                    _sequences.Enqueue(message.Sequence);
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                // The test is over.
            }
        }
    }

    /// <summary>Posts to a room through one node's API, one message after another, until stopped or the node is gone.</summary>
    private sealed class Publisher : IAsyncDisposable
    {
        private readonly RealtimeClient _agent;
        private readonly AppNode _node;
        private readonly string _roomId;
        private readonly CancellationTokenSource _stop = new();
        private readonly CancellationToken _test;
        private readonly ConcurrentQueue<(string Text, long Sequence)> _acknowledged = new();
        private Task _posting = Task.CompletedTask;

        private Publisher(RealtimeClient agent, AppNode node, string roomId, CancellationToken test)
        {
            _agent = agent;
            _node = node;
            _roomId = roomId;
            _test = test;
        }

        public IReadOnlyCollection<(string Text, long Sequence)> Acknowledged => _acknowledged;

        public static Publisher Start(AppNode node, string token, string roomId, CancellationToken ct)
        {
            var publisher = new Publisher(ApiClients.Connect(node.BaseAddress, token), node, roomId, ct);
            publisher._posting = publisher.PostUntilStoppedAsync();
            return publisher;
        }

        public async Task PostAsync(string text, CancellationToken ct)
        {
            var message = await _agent.Chat.SendAsync(_roomId, text, cancellationToken: ct);
            _acknowledged.Enqueue((text, message.Sequence));
        }

        public async Task StopAsync()
        {
            await _stop.CancelAsync();
            await _posting;
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            await _agent.DisposeAsync();
            _stop.Dispose();
        }

        private async Task PostUntilStoppedAsync()
        {
            // A steady pace (50 posts/s per node) rather than as fast as possible: the outage, not the load, is under test.
            using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
            try
            {
                for (var i = 1; await pace.WaitForNextTickAsync(_stop.Token); i++)
                {
                    // Stopping waits for the post under way: cancelling it could leave a stored message unacknowledged.
                    await PostAsync($"{_node.Name}-{i}", _test);
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                // Stopped by the test.
            }
            catch (Exception) when (_node.Killed)
            {
                // The node was killed: what it acknowledged before is what counts.
            }
        }
    }
}
