using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RealtimeApp.Tests.Realtime.Http.Support;
using RealtimeApp.Tests.Realtime.Support;
using static RealtimeApp.Tests.Realtime.Http.Support.TrpcHttp;

namespace RealtimeApp.Tests.Realtime.Http;

/// <summary>A token in <c>?connectionParams=</c> (how EventSource clients authenticate) never reaches a log.</summary>
public sealed class LogRedactionTests
{
    [Fact]
    public async Task ConnectionParams_AreRedacted_WhenTheFrameworkLogsTheRequest()
    {
        var recorder = new RecordingLoggerProvider();
        await using var host = await ApiTestHost.StartAsync(
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace" },
            services => services.AddSingleton<ILoggerProvider>(recorder),
            kestrel: true);

        var answer = await host.CreateHttpClient().GetTrpcAsync(Base + "whoami?connectionParams=" + Input("""{"token":"alice-token"}"""), bearer: null);

        answer.Status.ShouldBe(200);
        recorder.Texts.ShouldContain(text => text.Contains("connectionParams=[redacted]", StringComparison.Ordinal));
        recorder.Texts.ShouldNotContain(text => text.Contains("alice-token", StringComparison.Ordinal) || text.Contains("%22token%22", StringComparison.OrdinalIgnoreCase));
    }
}
