using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using RealtimeApp.Tests.Features.ApiTokens;
using RealtimeApp.Tests.Features.Tracing.Support;
using RealtimeApp.Tests.Realtime.Support;

namespace RealtimeApp.Tests.Features.Tracing;

/// <summary>Spans leave for the collector named by <c>OpenTelemetry:OtlpEndpoint</c>, and only then.</summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task ChatSend_IsExportedOverOtlpHttp_WhenAnEndpointIsSet()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        await using var host = new ApiTokenAppHost(new Dictionary<string, string?> { ["OpenTelemetry:OtlpEndpoint"] = collector.Address.ToString() });
        var ana = await host.CreateStaffAsync("ana@example.com");
        var token = await host.CreateTokenAsync(ana, "ci");
        await using var client = await host.ConnectAsync(configure: request => request.Headers.Authorization = $"Bearer {token.Secret}");

        await client.SendAsync("""{"id":1,"method":"mutation","params":{"path":"chat.send","input":{"roomId":"general","text":"exported"}}}""");
        (await client.ReceiveAsync()).ShouldContain("\"result\"");
        host.App.Services.GetRequiredService<TracerProvider>().ForceFlush();
        await Eventually.WaitUntilAsync(() => collector.Requests.Any(request => request.Holds("chat.post")), "the collector has received the message's spans");

        var export = collector.Requests.First(request => request.Holds("chat.post"));
        export.ContentType.ShouldBe("application/x-protobuf");
        export.Holds("chat.send").ShouldBeTrue();
        export.Holds("chat.commit").ShouldBeTrue();
    }

    [Fact]
    public async Task NoTracerProvider_IsRegistered_WhenNoEndpointIsSet()
    {
        await using var host = new ApiTokenAppHost();

        var provider = host.App.Services.GetService<TracerProvider>();

        provider.ShouldBeNull();
    }
}
