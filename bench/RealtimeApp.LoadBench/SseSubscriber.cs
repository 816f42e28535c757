using System.Net.Http.Headers;
using System.Text;

namespace RealtimeApp.LoadBench;

/// <summary>
/// One subscription over Server-Sent Events (<c>GET /api/trpc/chat.onMessage</c>), as an EventSource would hold it: opened
/// with the token in the Authorization header, then every message event's timestamp is handed to the callback.
/// </summary>
public sealed class SseSubscriber : ISubscriberConnection
{
    private readonly byte[] _buffer = new byte[16 * 1024];
    private readonly HttpResponseMessage _response;
    private readonly Stream _body;
    private Task _receiving = Task.CompletedTask;
    private int _start;
    private int _end;

    private SseSubscriber(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _body = body;
    }

    public bool ClosedByServer { get; private set; }

    /// <summary>Opens the stream and waits for its <c>connected</c> event.</summary>
    public static async Task<SseSubscriber> OpenAsync(HttpClient http, Uri baseAddress, string token, string roomId, CancellationToken ct)
    {
        var input = Uri.EscapeDataString($$"""{"roomId":"{{roomId}}"}""");
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, $"/api/trpc/chat.onMessage?input={input}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.ParseAdd("text/event-stream");
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        var body = await response.Content.ReadAsStreamAsync(ct);
        var subscriber = new SseSubscriber(response, body);
        var first = await subscriber.ReadEventAsync(ct);
        return first?.StartsWith("event: connected", StringComparison.Ordinal) == true
            ? subscriber
            : throw new InvalidOperationException($"the stream did not start: {first}");
    }

    public void StartReceiving(Action<long> onDelivery, CancellationToken ct) => _receiving = ReceiveAsync(onDelivery, ct);

    public async ValueTask DisposeAsync()
    {
        _response.Dispose();
        try
        {
            await _receiving;
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Stopped at the end of the run.
        }
    }

    private async Task ReceiveAsync(Action<long> onDelivery, CancellationToken ct)
    {
        try
        {
            while (await ReadEventAsync(ct) is { } sseEvent)
            {
                if (FrameText.TryReadTimestamp(Encoding.UTF8.GetBytes(sseEvent), out var sent))
                {
                    onDelivery(sent);
                }
            }

            ClosedByServer = !ct.IsCancellationRequested;
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException && !ct.IsCancellationRequested)
        {
            ClosedByServer = true;
        }
    }

    /// <summary>The next event's text (up to its blank line), or null when the response ended.</summary>
    private async Task<string?> ReadEventAsync(CancellationToken ct)
    {
        while (true)
        {
            var text = _buffer.AsSpan(_start, _end - _start);
            var at = text.IndexOf("\n\n"u8);
            if (at >= 0)
            {
                var sseEvent = Encoding.UTF8.GetString(text[..(at + 2)]);
                _start += at + 2;
                return sseEvent;
            }

            if (_start > 0)
            {
                text.CopyTo(_buffer);
                (_start, _end) = (0, text.Length);
            }

            if (_end == _buffer.Length)
            {
                throw new InvalidOperationException($"an event is larger than {_buffer.Length} bytes");
            }

            var read = await _body.ReadAsync(_buffer.AsMemory(_end), ct);
            if (read == 0)
            {
                return null;
            }

            _end += read;
        }
    }
}
