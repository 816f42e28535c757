using System.Net;
using RealtimeApp.Tests.Support;

namespace RealtimeApp.Tests.Integration;

public sealed class StaticAssetTests : IAsyncLifetime
{
    private readonly RealtimeAppFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("/assets/app.css", ".account-bar")]
    [InlineData("/assets/vendor/bootstrap.min.css", "Bootstrap")]
    public async Task Asset_FromTopLevelFolder_ArrivesNonEmpty_InDevelopment(string path, string expectedText)
    {
        var client = _factory.CreateClient();

        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain(expectedText);
    }
}
