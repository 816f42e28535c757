using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Features.Chat;

namespace RealtimeApp.Tests.Integration;

[Collection(MetricsCollection.Name)]
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

    [Fact]
    public async Task Metrics_CountEventsAndDeliveries_WhenMessagesArePosted()
    {
        await using var factory = new RealtimeAppFactory(new Dictionary<string, string?> { ["Metrics:AllowRemote"] = "true" });
        var client = factory.CreateClient();
        var user = await factory.CreateUserAsync("meter@example.com", "Meter#Pass1", Roles.Staff);
        var actor = new Actor(user.Id, user.Email!, new HashSet<string> { Roles.Staff });
        var chat = factory.Services.GetRequiredService<ChatService>();
        using var subscription = factory.Services.GetRequiredService<RealtimeApp.Domain.Realtime.EventHub>()
            .Subscribe<RealtimeApp.Domain.Realtime.Events.MessagePosted>(RealtimeApp.Domain.Realtime.Topics.Room(Room.GeneralId), _ => { });

        for (var i = 0; i < 3; i++)
        {
            (await chat.PostAsync(actor, Room.GeneralId, $"metered {i}", Ct)).Succeeded.ShouldBeTrue();
        }

        var text = await client.GetStringAsync("/metrics", Ct);
        MetricValue(text, "realtimeapp_events_published_total").ShouldBeGreaterThanOrEqualTo(3);
        MetricValue(text, "realtimeapp_events_deliveries_total").ShouldBeGreaterThanOrEqualTo(3);
        MetricValue(text, "realtimeapp_subscriptions_active").ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Metrics_ShowTheMemorySqliteHolds_ApartFromTheManagedHeap()
    {
        await using var factory = new RealtimeAppFactory(new Dictionary<string, string?> { ["Metrics:AllowRemote"] = "true" });
        var client = factory.CreateClient();
        (await client.GetAsync("/Account/Login", Ct)).EnsureSuccessStatusCode();

        var text = await client.GetStringAsync("/metrics", Ct);

        text.ShouldContain("# TYPE realtimeapp_sqlite_memory_bytes gauge");
        MetricValue(text, "realtimeapp_sqlite_memory_bytes").ShouldBeGreaterThan(0, "the app's database is open, so SQLite holds some memory");
    }

    private static double MetricValue(string exposition, string name)
    {
        var line = exposition.Split('\n').FirstOrDefault(l => l.StartsWith(name + " ", StringComparison.Ordinal) || l.StartsWith(name + "{", StringComparison.Ordinal));
        line.ShouldNotBeNull($"{name} is not exported");
        return double.Parse(line.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
