using RealtimeApp.E2E.Support;

namespace RealtimeApp.E2E.Tests;

/// <summary>
/// A signed-in user's cookie works on <c>/api/trpc</c> from the app's own pages, and not from a page on another origin
/// (a same-site page on another port, whose requests the browser sends with the cookie).
/// </summary>
public sealed class ApiHttpCookieTests(BrowserHost host)
{
    private const string FetchBoth = """
        async ([api, mode]) => {
          const send = (path, init) => fetch(api + path, { credentials: 'include', mode, ...init }).then(r => String(r.status), e => 'blocked: ' + e.message);
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

        var statuses = await page.EvaluateAsync<string[]>(FetchBoth, new[] { Api, "cors" });

        statuses.ShouldBe(["200", "200"]);
    }

    [Fact]
    public async Task Cookie_IsRefused_FromAPageOnAnotherOrigin()
    {
        var (page, _) = await host.NewStaffAsync("victim");
        await using var foreign = await ForeignSite.StartAsync();
        await page.GotoAsync(foreign.Address.ToString());
        var answered = new List<(string Method, int Status)>();
        page.Response += (_, response) =>
        {
            if (response.Url.StartsWith(Api + "/api/trpc", StringComparison.Ordinal))
            {
                lock (answered)
                {
                    answered.Add((response.Request.Method, response.Status));
                }
            }
        };

        // As a script on another site can: a readable (CORS) fetch, then an opaque one whose answer the browser hides
        // from the script but not from the network (the browser still sends the cookie, and the server must refuse it).
        var readable = await page.EvaluateAsync<string[]>(FetchBoth, new[] { Api, "cors" });
        var opaque = await page.EvaluateAsync<string[]>(FetchBoth, new[] { Api, "no-cors" });

        readable.ShouldAllBe(result => result.StartsWith("blocked", StringComparison.Ordinal));
        opaque.ShouldBe(["0", "0"]);
        lock (answered)
        {
            // The opaque GET reached the server with the cookie and was refused; the opaque POST went out as text/plain
            // (the browser drops a JSON content type in no-cors mode) and was refused before any procedure ran.
            answered.ShouldContain(("GET", 401));
            answered.ShouldContain(("POST", 415));
            answered.ShouldNotContain(response => response.Status == 200);
        }

        // The app's own page posts "posted from <app origin>" in another test sharing this room; only the foreign one matters.
        var foreignText = "posted from " + foreign.Address.GetLeftPart(UriPartial.Authority);
        (await host.App.MessagesInAsync("general")).ShouldNotContain(foreignText);
    }

    private string Api => host.App.BaseAddress.ToString().TrimEnd('/');
}
