using Microsoft.Extensions.DependencyInjection;
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
        await using var app = new KestrelAppFactory();
        app.Start();
        await app.CreateUserAsync("life@example.com", "Life#Pass1", Roles.Staff);
        var hub = app.Services.GetRequiredService<EventHub>();
        var before = hub.SubscriberCount;
        var context = await host.Browser.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await new LoginPage(page).GotoAsync();
        await new LoginPage(page).LogInAsync("life@example.com", "Life#Pass1");

        await new ChatPage(page).OpenAsync();
        await WaitUntilAsync(() => hub.SubscriberCount > before);
        await context.CloseAsync();

        await WaitUntilAsync(() => hub.SubscriberCount == before);
        hub.SubscriberCount.ShouldBe(before);
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
