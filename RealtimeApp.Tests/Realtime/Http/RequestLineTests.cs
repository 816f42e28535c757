using RealtimeApp.Tests.Realtime.Http.Support;
using RealtimeApp.Tests.Realtime.Support;
using static RealtimeApp.Tests.Realtime.Http.Support.TrpcHttp;

namespace RealtimeApp.Tests.Realtime.Http;

/// <summary>Kestrel reads request lines up to 16 KiB, as Node does: batched queries carry their inputs in the URL.</summary>
public sealed class RequestLineTests : IAsyncLifetime
{
    private ApiTestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ApiTestHost.StartAsync(kestrel: true);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Query_IsServed_WhenItsRequestLineIsOverKestrelsDefault()
    {
        var text = new string('a', 12 * 1024);

        var answer = await _host.CreateHttpClient().GetTrpcAsync(Base + "echo?input=" + Input($"\"{text}\""));

        answer.Status.ShouldBe(200);
        answer.Body.ShouldBe("{\"result\":{\"data\":{\"got\":\"" + text + "\"}}}");
    }

    [Fact]
    public async Task Query_IsRefusedByTheServer_WhenItsRequestLineIsOver16KiB()
    {
        var answer = await _host.CreateHttpClient().GetTrpcAsync(Base + "echo?input=" + Input($"\"{new string('a', 17 * 1024)}\""));

        answer.Status.ShouldBe(414);
    }
}
