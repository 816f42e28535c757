using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Web.Features.Connection;
using RealtimeApp.Web.Features.Connection.Store;

namespace RealtimeApp.Tests.Features.Connection;

public sealed class ConnectionCircuitHandlerTests : ConnectionTestContext
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task OnConnectionUpAsync_CountsAReconnect_WhenTheConnectionCameBackAfterGoingDown()
    {
        var handler = Services.GetServices<CircuitHandler>().OfType<ConnectionCircuitHandler>().Single();
        await Store.InitializeAsync();
        await handler.OnConnectionUpAsync(null!, _cancellation);
        await handler.OnConnectionDownAsync(null!, _cancellation);
        Time.Advance(TimeSpan.FromSeconds(7));

        await handler.OnConnectionUpAsync(null!, _cancellation);

        StateOf<ConnectionState>().ShouldBe(new ConnectionState
        {
            Status = ConnectionStatus.Connected,
            Since = Time.GetUtcNow(),
            ReconnectCount = 1,
        });
    }

    [Fact]
    public async Task OnConnectionDownAsync_SetsReconnecting_WhenTheConnectionDrops()
    {
        var handler = Services.GetServices<CircuitHandler>().OfType<ConnectionCircuitHandler>().Single();
        await Store.InitializeAsync();
        await handler.OnConnectionUpAsync(null!, _cancellation);

        await handler.OnConnectionDownAsync(null!, _cancellation);

        StateOf<ConnectionState>().Status.ShouldBe(ConnectionStatus.Reconnecting);
        StateOf<ConnectionState>().ReconnectCount.ShouldBe(0);
    }

    [Fact]
    public async Task OnCircuitClosedAsync_SetsOffline_WhenTheCircuitEnds()
    {
        var handler = Services.GetServices<CircuitHandler>().OfType<ConnectionCircuitHandler>().Single();
        await Store.InitializeAsync();

        await handler.OnCircuitClosedAsync(null!, _cancellation);

        StateOf<ConnectionState>().Status.ShouldBe(ConnectionStatus.Offline);
    }
}
