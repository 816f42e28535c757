using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using RealtimeApp.Web.Features.Tracing;
using RealtimeApp.Web.Shared.Telemetry;

namespace Microsoft.Extensions.DependencyInjection;

public static class TracingExtensions
{
    /// <summary>
    /// With <c>OpenTelemetry:OtlpEndpoint</c> set: the app's spans (<see cref="AppTracing"/>), ASP.NET Core's and EF
    /// Core's, exported over OTLP/HTTP (protobuf). Without it nothing is registered: no tracer provider, no exporter.
    /// </summary>
    public static IServiceCollection AddRealtimeAppTracing(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        if (TracingSettings.TracesEndpoint(configuration) is not { } endpoint)
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(AppTracing.SourceName))
            .WithTracing(tracing => tracing
                .AddSource(AppTracing.SourceName)
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsScrapeOrProbe(context.Request.Path))
                .AddEntityFrameworkCoreInstrumentation()
                .AddOtlpExporter(options =>
                {
                    options.Endpoint = endpoint;
                    options.Protocol = OtlpExportProtocol.HttpProtobuf;
                }));
        return services;
    }

    /// <summary>Prometheus scrapes and health probes come every few seconds and say nothing about a message's path.</summary>
    private static bool IsScrapeOrProbe(PathString path) =>
        path.StartsWithSegments("/metrics") || path.StartsWithSegments("/healthz");
}
