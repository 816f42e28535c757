using System.Net;
using RealtimeApp.E2E.Support;

namespace RealtimeApp.E2E.Tests;

public sealed class PublishedAppTests
{
    [Fact]
    public async Task PublishedApp_ServesAssetsHealthAndMetrics_InProduction()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var app = await PublishedApp.PublishAndStartAsync(cancellation);
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        var health = await http.GetAsync("/healthz", cancellation);
        var appCss = await http.GetAsync("/assets/app.css", cancellation);
        var mudCss = await http.GetAsync("/_content/MudBlazor/MudBlazor.min.css", cancellation);
        var blazorJs = await http.GetAsync("/_framework/blazor.web.js", cancellation);
        var login = await http.GetAsync("/Account/Login", cancellation);
        var metrics = await http.GetAsync("/metrics", cancellation);

        health.StatusCode.ShouldBe(HttpStatusCode.OK);
        appCss.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await appCss.Content.ReadAsStringAsync(cancellation)).ShouldContain(".account-bar");
        mudCss.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await mudCss.Content.ReadAsByteArrayAsync(cancellation)).Length.ShouldBeGreaterThan(10_000);
        blazorJs.StatusCode.ShouldBe(HttpStatusCode.OK);
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        metrics.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await metrics.Content.ReadAsStringAsync(cancellation)).ShouldContain("# TYPE http_server_request_duration_seconds histogram");
    }
}
