using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using RealtimeApp.Web.Features.Health;

namespace RealtimeApp.Tests.Features.Health;

public sealed class ShutdownHealthCheckTests
{
    private readonly ApplicationLifetime _lifetime = new(NullLogger<ApplicationLifetime>.Instance);

    [Fact]
    public async Task Check_IsHealthy_WhileTheNodeServes()
    {
        var result = await new ShutdownHealthCheck(_lifetime).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        result.Status.ShouldBe(HealthStatus.Healthy);
    }

    [Fact]
    public async Task Check_IsUnhealthy_FromSigtermOn_SoALoadBalancerStopsSendingClients()
    {
        _lifetime.StopApplication();

        var result = await new ShutdownHealthCheck(_lifetime).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        result.Status.ShouldBe(HealthStatus.Unhealthy);
        result.Description.ShouldBe("the node is shutting down");
    }
}
