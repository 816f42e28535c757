using RealtimeApp.Client;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Realtime.Support;
using ChatMessage = RealtimeApp.Client.Api.ChatMessage;
using Room = RealtimeApp.Domain.Chat.Room;

namespace RealtimeApp.Tests.Client;

/// <summary>Subscriptions as <see cref="IAsyncEnumerable{T}"/>: every event once, in order, across lost connections.</summary>
public sealed class RealtimeClientSubscriptionTests : IAsyncLifetime
{
    private const int Posts = 300;

    private ClientAppHost _host = null!;
    private Actor _ana = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await ClientAppHost.StartAsync();
        _ana = await _host.CreateStaffAsync("ana@example.com");
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task OnMessage_DeliversEveryMessageOnceInOrder_WhileTheServerDropsTheConnectionTwice()
    {
        await _host.PostAsync(_ana, Room.GeneralId, "before the follower");
        var token = await _host.CreateTokenAsync(_ana);
        await using var client = _host.Connect(token.Secret);
        var states = new List<ConnectionPhase>();
        client.StateChanged += (_, state) => { lock (states) { states.Add(state.Phase); } };
        var received = new List<ChatMessage>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var following = FollowAsync(client, received, Posts, stop.Token);
        await Eventually.WaitUntilAsync(() => _host.Registry.Connections.Any(c => c.SubscriptionCount == 1), "the follower is subscribed");

        var first = await _host.PostClosingConnectionsAsync(_ana, Room.GeneralId, Posts, closeAfter: [100, 200]);

        await following.WaitAsync(TimeSpan.FromSeconds(60), Ct);

        received.Select(message => message.Sequence).ShouldBe(Enumerable.Range(0, Posts).Select(i => first + i), "every message once, in order");
        lock (states)
        {
            states.Count(phase => phase == ConnectionPhase.Reconnecting).ShouldBeGreaterThanOrEqualTo(2);
        }
    }

    [Fact]
    public async Task AnEventThatCannotBeRead_EndsOnlyItsSubscription_WithAJsonException()
    {
        await using var client = _host.Connect((await _host.CreateTokenAsync(_ana)).Secret);
        var newest = (await client.Chat.HistoryAsync(Room.GeneralId, limit: 1, cancellationToken: Ct)).LastOrDefault()?.Sequence ?? 0;
        await using var wrongType = client.SubscribeAsync<int>("chat.onMessage", new { roomId = Room.GeneralId }, Ct).GetAsyncEnumerator(Ct);
        await using var typed = client.Chat.OnMessageAsync(Room.GeneralId, newest, Ct).GetAsyncEnumerator(Ct);
        var failing = wrongType.MoveNextAsync().AsTask();
        var next = typed.MoveNextAsync().AsTask();
        await Eventually.WaitUntilAsync(() => _host.Registry.Connections.Any(c => c.SubscriptionCount == 2), "both subscriptions are made");

        await _host.PostAsync(_ana, Room.GeneralId, "an object, not a number");

        await Should.ThrowAsync<System.Text.Json.JsonException>(() => failing);
        (await next).ShouldBeTrue();
        typed.Current.Text.ShouldBe("an object, not a number");
        (await client.Rooms.ListAsync(Ct)).ShouldContain(room => room.Id == Room.GeneralId);
        await Eventually.WaitUntilAsync(() => _host.Registry.Connections is [{ SubscriptionCount: 1 }], "the failed subscription is stopped on the server");
    }

    [Fact]
    public async Task EndingTheEnumeration_StopsTheSubscriptionOnTheServer()
    {
        await using var client = _host.Connect((await _host.CreateTokenAsync(_ana)).Secret);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var following = FollowAsync(client, [], int.MaxValue, stop.Token);
        await Eventually.WaitUntilAsync(() => _host.Registry.Connections.Any(c => c.SubscriptionCount == 1), "the follower is subscribed");

        await stop.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => following);

        await Eventually.WaitUntilAsync(() => _host.Registry.Connections is [{ SubscriptionCount: 0 }], "the server has stopped the subscription");
    }

    [Fact]
    public async Task RevokedToken_EndsTheSubscriptionWithAFinalError_AndTheClientDoesNotReconnect()
    {
        var token = await _host.CreateTokenAsync(_ana);
        await using var client = _host.Connect(token.Secret);
        var following = FollowAsync(client, [], int.MaxValue, Ct);
        await Eventually.WaitUntilAsync(() => _host.Registry.Connections.Any(c => c.SubscriptionCount == 1), "the follower is subscribed");

        await _host.RevokeAsync(_ana, token.Token.Id);
        var ended = await Should.ThrowAsync<RealtimeConnectionException>(() => following.WaitAsync(TimeSpan.FromSeconds(30), Ct));
        var call = await Should.ThrowAsync<RealtimeConnectionException>(() => client.Rooms.ListAsync(Ct));

        ended.IsFinal.ShouldBeTrue();
        ended.Message.ShouldContain("token revoked");
        call.IsFinal.ShouldBeTrue();
        client.State.Phase.ShouldBe(ConnectionPhase.Closed);
        client.State.Reason.ShouldBe("token revoked");
        // The client sees the close frame before the server's handler has unregistered the connection.
        await Eventually.WaitUntilAsync(() => _host.Registry.Count == 0, "the server has dropped the revoked connection");
        client.State.Phase.ShouldBe(ConnectionPhase.Closed);
    }

    private static async Task FollowAsync(RealtimeClient client, List<ChatMessage> received, int count, CancellationToken cancellationToken)
    {
        await foreach (var message in client.Chat.OnMessageAsync(Room.GeneralId, cancellationToken: cancellationToken))
        {
            received.Add(message);
            if (received.Count == count)
            {
                return;
            }
        }
    }
}
