using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RealtimeApp.Tests.Realtime.Support;

namespace RealtimeApp.Tests.Realtime.Connections;

public sealed class KeepAliveTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new();
    private ApiTestHost? _host;
    private TrpcTestClient? _client;

    public async ValueTask InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync(
            new Dictionary<string, string?> { ["Api:KeepAlive:PingSeconds"] = "30", ["Api:KeepAlive:PongWaitSeconds"] = "5" },
            services => services.AddSingleton<TimeProvider>(_time));
        _client = await _host.ConnectAsAsync(TestApiAuthenticator.AliceToken);
        await _client.SendAsync("""{"id":1,"method":"query","params":{"path":"fast"}}""");
        await _client.ReceiveAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _client!.DisposeAsync();
        await _host!.DisposeAsync();
    }

    [Fact]
    public async Task Server_SendsPingThenAborts_WhenClientStaysSilent()
    {
        _time.Advance(TimeSpan.FromSeconds(30));
        var ping = await _client!.ReceiveAsync();

        _time.Advance(TimeSpan.FromSeconds(5));

        ping.ShouldBe("PING");
        var aborted = await Record.ExceptionAsync(() => _client.ReceiveMessageAsync());
        (aborted is WebSocketException or IOException).ShouldBeTrue($"no close handshake expected, got {aborted}");
        await Eventually.WaitUntilAsync(() => _host!.Registry.Count == 0, "the aborted connection has ended");
    }

    [Fact]
    public async Task Server_KeepsConnection_WhenAnyFrameArrivesAfterPing()
    {
        _time.Advance(TimeSpan.FromSeconds(30));
        (await _client!.ReceiveAsync()).ShouldBe("PING");
        await _client.SendAsync("""{"id":2,"method":"query","params":{"path":"fast"}}""");
        await _client.ReceiveAsync();

        _time.Advance(TimeSpan.FromSeconds(5));
        await _client.SendAsync("""{"id":3,"method":"query","params":{"path":"fast"}}""");

        (await _client.ReceiveAsync()).ShouldBe("""{"id":3,"result":{"type":"data","data":"fast"}}""");
        _time.Advance(TimeSpan.FromSeconds(30));
        (await _client.ReceiveAsync()).ShouldBe("PING");
    }
}
