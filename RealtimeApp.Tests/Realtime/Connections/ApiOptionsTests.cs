using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RealtimeApp.Tests.Realtime.Support;
using RealtimeApp.Web.Realtime;

namespace RealtimeApp.Tests.Realtime.Connections;

public sealed class ApiOptionsTests
{
    [Theory]
    [InlineData("Api:MaxMessageBytes", "10")]
    [InlineData("Api:KeepAlive:PongWaitSeconds", "0")]
    [InlineData("Api:SendQueueBytes", "-1")]
    public async Task Startup_Fails_WhenALimitIsOutOfRange(string key, string value)
    {
        var start = () => ApiTestHost.StartAsync(new Dictionary<string, string?> { [key] = value });

        await start.ShouldThrowAsync<OptionsValidationException>();
    }

    [Fact]
    public async Task Options_HaveDocumentedDefaults_WhenNothingIsConfigured()
    {
        await using var host = await ApiTestHost.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<ApiOptions>>().Value;

        options.KeepAlive.PingSeconds.ShouldBe(30);
        options.KeepAlive.PongWaitSeconds.ShouldBe(5);
        options.MaxMessageBytes.ShouldBe(65536);
        options.MaxSubscriptionsPerConnection.ShouldBe(100);
        options.MaxConnectionsPerUser.ShouldBe(20);
        options.SendQueueBytes.ShouldBe(1048576);
        options.Compression.ShouldBeTrue();
        options.AllowedOrigins.ShouldBeEmpty();
        options.ShutdownDrainSeconds.ShouldBe(2.5);
    }
}
