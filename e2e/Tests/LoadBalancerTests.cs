using System.Net.Http.Headers;
using System.Text.Json;
using RealtimeApp.E2E.Pages;
using RealtimeApp.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace RealtimeApp.E2E.Tests;

/// <summary>
/// The operations guide's nginx example (<c>docs/deploy/nginx.conf</c>) in front of two nodes: a browser, a WebSocket
/// API client and an SSE client all go through it, and each gets live what is posted on a node directly.
/// </summary>
[Collection(SharedTwoNodes.Collection)]
public sealed class LoadBalancerTests(BrowserHost host, SharedTwoNodes shared)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task ThroughTheNginxExample_ACircuitAWebSocketAndAnSseStream_GetWhatIsPostedOnEitherNode()
    {
        var ct = TestContext.Current.CancellationToken;
        var (nodes, token) = (shared.Nodes, shared.BotToken);
        await using var nginx = await NginxServer.StartAsync([nodes.A.BaseAddress, nodes.B.BaseAddress], ct);
        var page = await host.SignInAsync(nginx.BaseAddress, shared.Dora, TwoNodes.Password);
        var chat = new ChatPage(page);
        await chat.OpenAsync();
        await using var apiClient = ApiClients.Connect(nginx.BaseAddress, token);
        await using var messages = await apiClient.Chat.FollowAsync("general", ct);
        using var http = new HttpClient { BaseAddress = nginx.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        using var sse = await OpenMessageStreamAsync(http, token, ct);
        await using var onA = ApiClients.Connect(nodes.A.BaseAddress, token);
        await using var onB = ApiClients.Connect(nodes.B.BaseAddress, token);
        var fromPage = $"typed behind nginx {Guid.NewGuid():N}";

        await chat.SendAsync(fromPage);
        await chat.WaitUntilSentAsync();
        await messages.NextAsync(message => message.Text == fromPage);
        (await NextDataWithAsync(sse, fromPage, ct)).ShouldNotBeNull($"the SSE stream through nginx did not deliver \"{fromPage}\"");
        foreach (var (node, text) in new[] { (onA, $"posted on node A {Guid.NewGuid():N}"), (onB, $"posted on node B {Guid.NewGuid():N}") })
        {
            await node.Chat.SendAsync("general", text, cancellationToken: ct);

            await Expect(chat.Message(text)).ToBeVisibleAsync();
            await messages.NextAsync(message => message.Text == text);
            // Unbuffered: the event arrives while the stream stays open, not when a proxy buffer fills or the stream ends.
            (await NextDataWithAsync(sse, text, ct)).ShouldNotBeNull($"the SSE stream through nginx did not deliver \"{text}\"");
        }
    }

    private static async Task<StreamReader> OpenMessageStreamAsync(HttpClient http, string token, CancellationToken ct)
    {
        var input = Uri.EscapeDataString(JsonSerializer.Serialize(new { roomId = "general" }));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/trpc/chat.onMessage?input={input}");
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        return new StreamReader(await response.Content.ReadAsStreamAsync(ct));
    }

    /// <summary>Reads the stream until a <c>data:</c> line holding <paramref name="text"/>; null if the stream ends first.</summary>
    private static async Task<string?> NextDataWithAsync(StreamReader sse, string text, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(EventTimeout);
        while (await sse.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line.StartsWith("data:", StringComparison.Ordinal) && line.Contains(text, StringComparison.Ordinal))
            {
                return line;
            }
        }

        return null;
    }
}
