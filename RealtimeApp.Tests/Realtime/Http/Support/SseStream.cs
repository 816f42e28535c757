using System.Net.Http.Headers;
using System.Text;

namespace RealtimeApp.Tests.Realtime.Http.Support;

/// <summary>An open <c>text/event-stream</c> response, read event by event (each event's raw text, blank line included).</summary>
public sealed class SseStream : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private SseStream(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _reader = new StreamReader(body, Encoding.UTF8);
    }

    public int Status => (int)_response.StatusCode;

    public string? ContentType => _response.Content.Headers.ContentType?.ToString();

    public HttpResponseHeaders Headers => _response.Headers;

    public static async Task<SseStream> OpenAsync(HttpClient client, string target, string? bearer, Action<HttpRequestMessage>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(client);

        var request = new HttpRequestMessage(HttpMethod.Get, target);
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        configure?.Invoke(request);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        return new SseStream(response, body);
    }

    /// <summary>The next event as sent (<c>event: …\ndata: …\n\n</c>), or null when the response ended.</summary>
    public async Task<string?> NextAsync()
    {
        var text = new StringBuilder();
        while (true)
        {
            var line = await _reader.ReadLineAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Timeout, TestContext.Current.CancellationToken);
            if (line is null)
            {
                return text.Length == 0 ? null : text.ToString();
            }

            text.Append(line).Append('\n');
            if (line.Length == 0)
            {
                return text.ToString();
            }
        }
    }

    /// <summary>The next event other than <c>ping</c>.</summary>
    public async Task<string?> NextNotPingAsync()
    {
        while (true)
        {
            var next = await NextAsync();
            if (next != SseEvents.Ping)
            {
                return next;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        await Task.CompletedTask;
    }
}
