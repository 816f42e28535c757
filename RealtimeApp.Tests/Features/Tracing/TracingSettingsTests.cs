using Microsoft.Extensions.Configuration;
using RealtimeApp.Web.Features.Tracing;
using RealtimeApp.Web.Shared.Settings;

namespace RealtimeApp.Tests.Features.Tracing;

public sealed class TracingSettingsTests
{
    [Theory]
    [InlineData("http://otel-collector:4318", "http://otel-collector:4318/v1/traces")]
    [InlineData("https://collector.example.com/otlp/", "https://collector.example.com/otlp/v1/traces")]
    [InlineData("http://127.0.0.1:4318/v1/traces", "http://127.0.0.1:4318/v1/traces")]
    public void TracesEndpoint_IsTheCollectorsTracesPath_WhenTheSettingIsAnHttpUrl(string setting, string expected)
    {
        var endpoint = TracingSettings.TracesEndpoint(Configuration(setting));

        endpoint.ShouldBe(new Uri(expected));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void TracesEndpoint_IsNull_WhenTheSettingIsMissing(string? setting) =>
        TracingSettings.TracesEndpoint(Configuration(setting)).ShouldBeNull();

    [Theory]
    [InlineData("otel-collector:4318")]
    [InlineData("/v1/traces")]
    [InlineData("grpc://otel-collector:4317")]
    [InlineData("ftp://otel-collector")]
    public void TracesEndpoint_RefusesToStart_NamingTheSetting_WhenItIsNotAnHttpUrl(string setting)
    {
        var exception = Should.Throw<InvalidSettingException>(() => TracingSettings.TracesEndpoint(Configuration(setting)));

        exception.Message.ShouldStartWith("OpenTelemetry:OtlpEndpoint must be an absolute http or https URL");
    }

    private static IConfiguration Configuration(string? endpoint) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["OpenTelemetry:OtlpEndpoint"] = endpoint }).Build();
}
