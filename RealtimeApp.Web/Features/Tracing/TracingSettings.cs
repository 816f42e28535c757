using RealtimeApp.Web.Shared.Settings;

namespace RealtimeApp.Web.Features.Tracing;

/// <summary>Reads <c>OpenTelemetry:OtlpEndpoint</c>: absent means no tracing at all; present, it must be an absolute http(s) URL.</summary>
public static class TracingSettings
{
    public const string OtlpEndpointKey = "OpenTelemetry:OtlpEndpoint";

    private const string TracesPath = "v1/traces";

    /// <summary>Where spans are posted (OTLP over HTTP with protobuf: the collector's address plus <c>/v1/traces</c>), or null when tracing is off.</summary>
    public static Uri? TracesEndpoint(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        var value = configuration[OtlpEndpointKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidSettingException(
                $"{OtlpEndpointKey} must be an absolute http or https URL of an OTLP/HTTP collector (for example 'http://otel-collector:4318'); it is '{value}'.");
        }

        var path = endpoint.AbsolutePath.TrimEnd('/');
        return path.EndsWith("/" + TracesPath, StringComparison.Ordinal)
            ? endpoint
            : new UriBuilder(endpoint) { Path = path + "/" + TracesPath }.Uri;
    }
}
