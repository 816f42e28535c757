using System.Text.RegularExpressions;
using RealtimeApp.E2E.Support;

namespace RealtimeApp.E2E.Tests;

/// <summary>
/// A signed-in user's cookie works on <c>/api/trpc</c> from the app's own pages, and not from a page on another origin
/// (a same-site page on another port, whose requests the browser sends with the cookie).
/// </summary>
public sealed partial class ApiHttpCookieTests(BrowserHost host)
{
    private const string FetchBoth = """
        async ([api]) => {
          const send = (path, init) => fetch(api + path, { credentials: 'include', ...init }).then(r => String(r.status), e => 'blocked: ' + e.message);
          return [
            await send('/api/trpc/rooms.list'),
            await send('/api/trpc/chat.send', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ roomId: 'general', text: 'posted from ' + location.origin }) }),
          ];
        }
        """;

    [Fact]
    public async Task Cookie_IsAccepted_FromTheAppsOwnPage()
    {
        var (page, _) = await host.NewStaffAsync("own");

        var statuses = await page.EvaluateAsync<string[]>(FetchBoth, new[] { Api });

        statuses.ShouldBe(["200", "200"]);
    }

    [Fact]
    public async Task Cookie_IsRefused_FromAPageOnAnotherOrigin()
    {
        var (page, _) = await host.NewStaffAsync("victim");
        await using var foreign = await ForeignSite.StartAsync();
        await page.GotoAsync(foreign.Address.ToString());
        var refusedBefore = await CallsAsync("rooms.list", "UNAUTHORIZED");
        var sendsBefore = await CallsAsync("chat.send", "OK");

        var results = await page.EvaluateAsync<string[]>(FetchBoth, new[] { Api });

        results.ShouldAllBe(result => result.StartsWith("blocked", StringComparison.Ordinal));
        await WaitUntilAsync(async () => await CallsAsync("rooms.list", "UNAUTHORIZED") == refusedBefore + 1, "the server to refuse the cookie's GET as UNAUTHORIZED");
        (await CallsAsync("chat.send", "OK")).ShouldBe(sendsBefore);
        (await host.App.MessagesInAsync("general")).ShouldNotContain(text => text.StartsWith("posted from http://127.0.0.1", StringComparison.Ordinal));
    }

    private string Api => host.App.BaseAddress.ToString().TrimEnd('/');

    /// <summary>The metrics endpoint caches its answer briefly: waits for the count, with a timeout.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string description)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (!await condition())
        {
            try
            {
                await timer.WaitForNextTickAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out waiting for {description}.");
            }
        }
    }

    /// <summary>HTTP calls of a procedure with an outcome, as the app's <c>/metrics</c> counts them.</summary>
    private async Task<long> CallsAsync(string procedure, string code)
    {
        using var client = new HttpClient { BaseAddress = host.App.BaseAddress };
        var metrics = await client.GetStringAsync("/metrics", TestContext.Current.CancellationToken);
        return CallCounter().Matches(metrics)
            .Where(m => m.Groups["labels"].Value.Contains($"procedure=\"{procedure}\"", StringComparison.Ordinal)
                && m.Groups["labels"].Value.Contains($"code=\"{code}\"", StringComparison.Ordinal)
                && m.Groups["labels"].Value.Contains("transport=\"http\"", StringComparison.Ordinal))
            .Sum(m => long.Parse(m.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^realtimeapp_api_calls_total\{(?<labels>[^}]*)\} (?<value>\d+)", RegexOptions.Multiline)]
    private static partial Regex CallCounter();
}
