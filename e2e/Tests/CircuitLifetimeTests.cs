using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Users;
using RealtimeApp.E2E.Pages;
using RealtimeApp.E2E.Support;

namespace RealtimeApp.E2E.Tests;

/// <summary>A closed tab leaves nothing behind on the hub: its circuit's aggregator ends every subscription.</summary>
public sealed class CircuitLifetimeTests(BrowserHost host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ClosingThePage_ReturnsHubSubscriptionCountToItsPriorValue()
    {
        // A tab that closes without a goodbye leaves its circuit waiting for a reconnect; keep that wait short here.
        await using var app = new KestrelAppFactory(services =>
            services.Configure<CircuitOptions>(options => options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromSeconds(1)));
        app.Start();
        await app.CreateUserAsync("stay@example.com", "Stay#Pass1", Roles.Staff);
        await app.CreateUserAsync("life@example.com", "Life#Pass1", Roles.Staff);
        var hub = app.Services.GetRequiredService<EventHub>();
        await OpenChatAsync(app, "stay@example.com", "Stay#Pass1");
        var before = hub.SubscriberCount;

        var (context, page) = await OpenChatAsync(app, "life@example.com", "Life#Pass1");
        await WaitUntilAsync(() => hub.SubscriberCount > before);
        await page.CloseAsync(new() { RunBeforeUnload = true });
        await context.CloseAsync();

        await WaitUntilAsync(() => hub.SubscriberCount == before);
        hub.SubscriberCount.ShouldBe(before);
    }

    private async Task<(IBrowserContext Context, IPage Page)> OpenChatAsync(KestrelAppFactory app, string email, string password)
    {
        var context = await host.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        var login = new LoginPage(page);
        await login.GotoAsync();
        await login.LogInAsync(email, password);
        await new ChatPage(page).OpenAsync();
        return (context, page);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (!condition())
        {
            await timer.WaitForNextTickAsync(timeout.Token);
        }
    }
}
