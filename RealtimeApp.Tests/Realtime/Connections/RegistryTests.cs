using RealtimeApp.Tests.Realtime.Support;

namespace RealtimeApp.Tests.Realtime.Connections;

public sealed class RegistryTests : ApiTestBase
{
    [Fact]
    public async Task Connections_ListUserAndSubscriptions_WhenClientIsSubscribed()
    {
        var client = await ConnectAliceAsync();
        await client.SendAsync("""{"id":1,"method":"subscription","params":{"path":"forever"}}""");
        await client.ReceiveAsync(2);

        var connection = Host.Registry.Connections.ShouldHaveSingleItem();

        connection.UserId.ShouldBe("alice");
        connection.UserName.ShouldBe("alice");
        connection.SubscriptionCount.ShouldBe(1);
        connection.IsClosing.ShouldBeFalse();
    }

    [Fact]
    public async Task CloseUserConnections_ClosesEveryConnectionOfTheUserWith4001_AndLeavesOthers()
    {
        var alice1 = await ConnectAliceAsync();
        var alice2 = await ConnectAliceAsync();
        var bob = Track(await Host.ConnectAsAsync(TestApiAuthenticator.BobToken));
        foreach (var client in new[] { alice1, alice2, bob })
        {
            await client.SendAsync("""{"id":1,"method":"query","params":{"path":"fast"}}""");
            await client.ReceiveAsync();
        }

        var closed = Host.Registry.CloseUserConnections("alice", "token revoked");

        closed.ShouldBe(2);
        foreach (var client in new[] { alice1, alice2 })
        {
            var (status, _) = await client.ReceiveCloseAsync();
            ((int?)status).ShouldBe(4001);
            client.Socket.CloseStatusDescription.ShouldBe("token revoked");
        }

        await bob.SendAsync("""{"id":2,"method":"query","params":{"path":"fast"}}""");
        (await bob.ReceiveAsync()).ShouldBe("""{"id":2,"result":{"type":"data","data":"fast"}}""");
        await Eventually.WaitUntilAsync(() => Host.Registry.Count == 1, "alice's connections have ended");
    }
}
