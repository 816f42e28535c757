using RealtimeApp.Client;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Realtime.Support;
using ChatMessage = RealtimeApp.Client.Api.ChatMessage;
using Room = RealtimeApp.Domain.Chat.Room;

namespace RealtimeApp.Tests.Client;

/// <summary>Subscriptions with a handler, called on the receive loop: every event once, in order, across lost connections.</summary>
public sealed class RealtimeClientHandlerSubscriptionTests : IAsyncLifetime
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
    public async Task OnMessageWithAHandler_GetsEveryMessageOnceInOrder_WhileTheServerDropsTheConnectionTwice()
    {
        await using var client = _host.Connect((await _host.CreateTokenAsync(_ana)).Secret);
        var received = new List<ChatMessage>();
        using var enough = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var following = client.Chat.OnMessageAsync(Room.GeneralId, message =>
        {
            received.Add(message);
            if (received.Count == Posts)
            {
                enough.Cancel();
            }
        }, cancellationToken: enough.Token);
        await Eventually.WaitUntilAsync(() => _host.Registry.Connections.Any(c => c.SubscriptionCount == 1), "the follower is subscribed");

        var first = await _host.PostClosingConnectionsAsync(_ana, Room.GeneralId, Posts, closeAfter: [100, 200]);

        await Should.ThrowAsync<OperationCanceledException>(() => following.WaitAsync(TimeSpan.FromSeconds(60), Ct));

        received.Select(message => message.Sequence).ShouldBe(Enumerable.Range(0, Posts).Select(i => first + i), "every message once, in order");
        await Eventually.WaitUntilAsync(() => _host.Registry.Connections is [{ SubscriptionCount: 0 }], "the server has stopped the subscription");
    }

    [Fact]
    public async Task AHandlerThatThrows_EndsItsSubscriptionWithTheException_AndTheConnectionServesOn()
    {
        await using var client = _host.Connect((await _host.CreateTokenAsync(_ana)).Secret);
        var failing = client.Chat.OnMessageAsync(Room.GeneralId, message => throw new InvalidOperationException($"cannot handle '{message.Text}'"), cancellationToken: Ct);
        await Eventually.WaitUntilAsync(() => _host.Registry.Connections.Any(c => c.SubscriptionCount == 1), "the follower is subscribed");

        await _host.PostAsync(_ana, Room.GeneralId, "the first message");

        (await Should.ThrowAsync<InvalidOperationException>(() => failing.WaitAsync(TimeSpan.FromSeconds(30), Ct))).Message.ShouldBe("cannot handle 'the first message'");
        (await client.Rooms.ListAsync(Ct)).ShouldContain(room => room.Id == Room.GeneralId);
        client.State.Phase.ShouldBe(ConnectionPhase.Open);
        await Eventually.WaitUntilAsync(() => _host.Registry.Connections is [{ SubscriptionCount: 0 }], "the failed subscription is stopped on the server");
    }

    [Fact]
    public async Task ARevokedToken_EndsTheTaskWithAFinalError()
    {
        var token = await _host.CreateTokenAsync(_ana);
        await using var client = _host.Connect(token.Secret);
        var following = client.Chat.OnMessageAsync(Room.GeneralId, _ => { }, cancellationToken: Ct);
        await Eventually.WaitUntilAsync(() => _host.Registry.Connections.Any(c => c.SubscriptionCount == 1), "the follower is subscribed");

        await _host.RevokeAsync(_ana, token.Token.Id);

        var ended = await Should.ThrowAsync<RealtimeConnectionException>(() => following.WaitAsync(TimeSpan.FromSeconds(30), Ct));
        ended.IsFinal.ShouldBeTrue();
        ended.Message.ShouldContain("token revoked");
    }
}
