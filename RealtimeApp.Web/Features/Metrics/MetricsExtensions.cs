using OpenTelemetry.Metrics;
using RealtimeApp.Web.Features.Metrics;

namespace Microsoft.Extensions.DependencyInjection;

public static class MetricsExtensions
{
    public const string Path = "/metrics";

    /// <summary>The meters exported at <c>/metrics</c>: the app's own, ASP.NET Core's (HTTP, Kestrel, circuits) and the runtime's.</summary>
    public static readonly string[] ExportedMeters =
    [
        "RealtimeApp",
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Components",
        "Microsoft.AspNetCore.Components.Server.Circuits",
        "System.Runtime",
    ];

    /// <summary>System.Diagnostics.Metrics exported in Prometheus text format through OpenTelemetry.</summary>
    public static IServiceCollection AddRealtimeAppMetrics(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.SectionName);
        services.AddHostedService<MetricsBaselineService>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(ExportedMeters)
            .AddAspNetCoreInstrumentation()
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>Maps <c>/metrics</c>, answering loopback callers only unless <c>Metrics:AllowRemote</c> is true.</summary>
    public static IEndpointRouteBuilder MapRealtimeAppMetrics(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        endpoints.MapPrometheusScrapingEndpoint(Path, meterProvider: null, configureBranchedPipeline: branch => branch.RejectRemoteCallers(), optionsName: null)
            .AllowAnonymous()
            .DisableHttpMetrics();
        return endpoints;
    }
}
