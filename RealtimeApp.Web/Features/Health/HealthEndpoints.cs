using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using RealtimeApp.Web.Features.Health;

namespace Microsoft.Extensions.DependencyInjection;

public static class HealthEndpoints
{
    public const string Path = "/healthz";

    /// <summary>Liveness plus database reachability; unhealthy once the node is shutting down.</summary>
    public static IServiceCollection AddRealtimeAppHealthChecks(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database").AddCheck<ShutdownHealthCheck>("shutdown");
        return services;
    }

    /// <summary>Maps <c>/healthz</c>: 200 "Healthy", or 503 "Unhealthy" when the database (or Redis, when configured) does not answer or the node is shutting down; a line per check says which.</summary>
    public static IEndpointRouteBuilder MapRealtimeAppHealth(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        endpoints.MapHealthChecks(Path, new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync }).AllowAnonymous().DisableHttpMetrics();
        return endpoints;
    }
}
