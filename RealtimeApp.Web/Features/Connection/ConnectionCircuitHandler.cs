using Microsoft.AspNetCore.Components.Server.Circuits;
using RealtimeApp.Web.Features.Connection.Store;
using RealtimeApp.Web.State;

namespace RealtimeApp.Web.Features.Connection;

/// <summary>
/// Turns the circuit's connection events into actions. Scoped, so it belongs to one circuit and dispatches
/// to that circuit's store; the store holds the actions until <see cref="StoreInitializer"/> starts it.
/// </summary>
public sealed class ConnectionCircuitHandler(IDispatcher dispatcher, TimeProvider time) : CircuitHandler
{
    private bool _hasConnected;

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        dispatcher.Dispatch(_hasConnected
            ? new ConnectionRestored(time.GetUtcNow())
            : new ConnectionEstablished(time.GetUtcNow()));
        _hasConnected = true;
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        dispatcher.Dispatch(new ConnectionLost(time.GetUtcNow()));
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        dispatcher.Dispatch(new ConnectionClosed(time.GetUtcNow()));
        return Task.CompletedTask;
    }
}
