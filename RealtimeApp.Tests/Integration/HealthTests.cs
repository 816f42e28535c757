using System.Net;
using Microsoft.Data.Sqlite;
using RealtimeApp.Tests.Realtime.Support;
using RealtimeApp.Tests.Support;

namespace RealtimeApp.Tests.Integration;

public sealed class HealthTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly RealtimeAppFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Healthz_Returns200_WhenDatabaseAnswers()
    {
        var client = _factory.CreateClient();

        var response = await client.GetAsync("/healthz", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe("Healthy\ndatabase: Healthy (database reachable)\nshutdown: Healthy (serving)\n");
    }

    [Fact]
    public async Task Healthz_Returns503_WhenDatabaseIsUnreachable()
    {
        var client = _factory.CreateClient();
        (await client.GetAsync("/healthz", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        // The app's background services open the database every second, and an open recreates a deleted file: retry
        // until the path is a directory, which nothing can open as a database.
        await Eventually.WaitUntilAsync(ReplaceDatabaseWithDirectory, "the database file is replaced by a directory");

        var response = await client.GetAsync("/healthz", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe("Unhealthy\ndatabase: Unhealthy (database unreachable)\nshutdown: Healthy (serving)\n");
    }

    [Fact]
    public async Task Healthz_IsAnonymous()
    {
        var client = BrowserlessClient.For(_factory);

        var response = await client.Http.GetAsync("/healthz", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private bool ReplaceDatabaseWithDirectory()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_factory.DatabasePath)!, "app.db*"))
        {
            File.Delete(file);
        }

        try
        {
            Directory.CreateDirectory(_factory.DatabasePath);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
