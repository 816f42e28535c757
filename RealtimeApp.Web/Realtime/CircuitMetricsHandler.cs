using Microsoft.AspNetCore.Components.Server.Circuits;

namespace RealtimeApp.Web.Realtime;

/// <summary>Counts open circuits into <see cref="ConnectionMetrics"/>.</summary>
public sealed class CircuitMetricsHandler(ConnectionMetrics metrics) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitOpened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitClosed();
        return Task.CompletedTask;
    }
}
