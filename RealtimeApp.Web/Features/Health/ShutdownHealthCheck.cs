using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RealtimeApp.Web.Features.Health;

/// <summary>
/// Unhealthy from SIGTERM on, so a load balancer stops sending new clients to a node that is draining its connections.
/// </summary>
public sealed class ShutdownHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("the node is shutting down")
            : HealthCheckResult.Healthy("serving"));
}
