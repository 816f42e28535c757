using System.Net;
using RealtimeApp.Tests.Support;

namespace RealtimeApp.Tests.Integration;

public sealed class MetricsEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_ExportsPrometheusText_WhenRemoteCallersAreAllowed()
    {
        await using var factory = new RealtimeAppFactory(new Dictionary<string, string?> { ["Metrics:AllowRemote"] = "true" });
        var client = factory.CreateClient();
        (await client.GetAsync("/Account/Login", Ct)).EnsureSuccessStatusCode();

        var response = await client.GetAsync("/metrics", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        var text = await response.Content.ReadAsStringAsync(Ct);
        text.ShouldContain("# TYPE http_server_request_duration_seconds histogram");
        text.ShouldContain("dotnet_gc_heap_total_allocated_bytes_total");
    }

    [Fact]
    public async Task Metrics_Returns404_ToCallersNotOnThisMachine()
    {
        await using var factory = new RealtimeAppFactory();
        var client = factory.CreateClient();

        var response = await client.GetAsync("/metrics", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldNotContain("# TYPE");
    }
}
