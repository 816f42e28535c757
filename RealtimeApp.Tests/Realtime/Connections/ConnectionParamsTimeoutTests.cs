using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RealtimeApp.Tests.Realtime.Support;

namespace RealtimeApp.Tests.Realtime.Connections;

/// <summary>A connection that announces connectionParams must send them within <c>Api:ConnectionParamsTimeoutSeconds</c>.</summary>
public sealed class ConnectionParamsTimeoutTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new();
    private ApiTestHost? _host;

    private ApiTestHost Host => _host!;

    public async ValueTask InitializeAsync() =>
        _host = await ApiTestHost.StartAsync(
            new Dictionary<string, string?> { ["Api:ConnectionParamsTimeoutSeconds"] = "10" },
            services => services.AddSingleton<TimeProvider>(_time));

    public async ValueTask DisposeAsync() => await _host!.DisposeAsync();

    [Fact]
    public async Task SilentConnection_IsRefusedWithUnauthorized_WhenTheTimeoutPasses()
    {
        await using var client = await Host.ConnectAsync("?connectionParams=1");
        await client.SendAsync("PING");
        (await client.ReceiveAsync()).ShouldBe("PONG"); // the connection is running, its deadline set

        _time.Advance(TimeSpan.FromSeconds(10));
        var (status, messages) = await client.ReceiveCloseAsync();

        messages.ShouldBe(["""{"id":null,"error":{"message":"connectionParams were not received within 10 s","code":-32001,"data":{"code":"UNAUTHORIZED","httpStatus":401}}}"""]);
        status.ShouldBe(WebSocketCloseStatus.Empty);
        await Eventually.WaitUntilAsync(() => Host.Registry.Count == 0, "the refused connection has ended");
    }

    [Fact]
    public async Task ConnectionParamsSentInTime_KeepTheConnection_PastTheTimeout()
    {
        await using var client = await Host.ConnectAsync("?connectionParams=1");
        await client.SendAsync("""{"method":"connectionParams","data":{"token":"alice-token"}}""");
        await client.SendAsync("""{"id":1,"method":"query","params":{"path":"fast"}}""");
        await client.ReceiveAsync();

        _time.Advance(TimeSpan.FromSeconds(15));
        await client.SendAsync("""{"id":2,"method":"query","params":{"path":"fast"}}""");

        (await client.ReceiveAsync()).ShouldBe("""{"id":2,"result":{"type":"data","data":"fast"}}""");
        Host.Registry.Connections.ShouldHaveSingleItem().UserId.ShouldBe("alice");
    }
}
