using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace RealtimeApp.E2E.Support;

/// <summary>
/// An external script on the real WebSocket API (<c>/api/ws</c>, tRPC v11 frames) authenticated with an API token, as
/// an agent would run it: calls wait for their own answer; subscription data is kept until a test asks for it.
/// </summary>
public sealed class ApiAgent : IAsyncDisposable
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(15);

    private readonly ClientWebSocket _socket = new();
    private readonly Channel<JsonObject> _frames = Channel.CreateUnbounded<JsonObject>();
    private readonly List<JsonObject> _unclaimed = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private Task _receiving = Task.CompletedTask;
    private int _nextId;

    public static Task<ApiAgent> ConnectAsync(KestrelAppFactory app, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        return ConnectAsync(app.BaseAddress, token, cancellationToken);
    }

    /// <summary>Connects to the app at <paramref name="baseAddress"/> (one node of several, or a load balancer in front of them).</summary>
    public static async Task<ApiAgent> ConnectAsync(Uri baseAddress, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);

        var agent = new ApiAgent();
        await agent._socket.ConnectAsync(new Uri($"ws://{baseAddress.Authority}/api/ws?connectionParams=1"), cancellationToken);
        agent._receiving = agent.ReceiveAllAsync();
        await agent.SendAsync(new JsonObject { ["method"] = "connectionParams", ["data"] = new JsonObject { ["token"] = token } }, cancellationToken);
        return agent;
    }

    /// <summary>Runs a query or mutation and returns its <c>result.data</c>; an error answer fails the test.</summary>
    public async Task<JsonNode?> CallAsync(string method, string path, object input, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        await SendAsync(Request(id, method, path, input), cancellationToken);
        var answer = await NextAsync(frame => frame["id"]?.GetValue<int>() == id, cancellationToken);
        answer["error"].ShouldBeNull($"{path} answered {answer.ToJsonString()}");
        return answer["result"]!["data"];
    }

    /// <summary>Runs a query or mutation that must fail and returns its <c>error</c> object.</summary>
    public async Task<JsonNode> CallForErrorAsync(string method, string path, object input, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        await SendAsync(Request(id, method, path, input), cancellationToken);
        var answer = await NextAsync(frame => frame["id"]?.GetValue<int>() == id, cancellationToken);
        return answer["error"].ShouldNotBeNull($"{path} succeeded: {answer.ToJsonString()}");
    }

    /// <summary>Waits until the server closes the connection and returns the close status it gave.</summary>
    public async Task<WebSocketCloseStatus?> WaitUntilClosedAsync(CancellationToken cancellationToken)
    {
        await _receiving.WaitAsync(AnswerTimeout, cancellationToken);
        return _socket.CloseStatus;
    }

    /// <summary>Starts a subscription and waits until the server says it started; returns its id.</summary>
    public async Task<int> SubscribeAsync(string path, object input, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        await SendAsync(Request(id, "subscription", path, input), cancellationToken);
        var started = await NextAsync(frame => frame["id"]?.GetValue<int>() == id, cancellationToken);
        started["result"]?["type"]?.GetValue<string>().ShouldBe("started", started.ToJsonString());
        return id;
    }

    /// <summary>The next data item of subscription <paramref name="subscriptionId"/> that satisfies <paramref name="match"/>.</summary>
    public async Task<JsonNode> NextItemAsync(int subscriptionId, Func<JsonNode, bool> match, CancellationToken cancellationToken)
    {
        var frame = await NextAsync(
            frame => frame["id"]?.GetValue<int>() == subscriptionId && frame["result"]?["data"] is { } data && match(data), cancellationToken);
        return frame["result"]!["data"]!;
    }

    /// <summary>Reports a heartbeat for <paramref name="agentId"/> every <paramref name="period"/>, as a live agent does, until cancelled.</summary>
    public async Task HeartbeatAsync(string agentId, TimeSpan period, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await CallAsync("mutation", "agents.report", new { agentId }, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The test stopped the agent.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
            }
        }
        catch (WebSocketException)
        {
            // The server may already have gone (end of the test run).
        }

        await _receiving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _socket.Dispose();
        _stop.Dispose();
        _sending.Dispose();
    }

    private static JsonObject Request(int id, string method, string path, object input) => new()
    {
        ["id"] = id,
        ["method"] = method,
        ["params"] = new JsonObject { ["path"] = path, ["input"] = JsonSerializer.SerializeToNode(input, JsonSerializerOptions.Web) },
    };

    private Task SendAsync(JsonObject frame, CancellationToken cancellationToken) => SendTextAsync(Encoding.UTF8.GetBytes(frame.ToJsonString()), cancellationToken);

    // One send at a time on a ClientWebSocket: the receive loop answers pings while a test sends.
    private async Task SendTextAsync(byte[] text, CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(text, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sending.Release();
        }
    }

    private async Task<JsonObject> NextAsync(Func<JsonObject, bool> match, CancellationToken cancellationToken)
    {
        var kept = _unclaimed.FindIndex(frame => match(frame));
        if (kept >= 0)
        {
            var frame = _unclaimed[kept];
            _unclaimed.RemoveAt(kept);
            return frame;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(AnswerTimeout);
        while (true)
        {
            JsonObject frame;
            try
            {
                frame = await _frames.Reader.ReadAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"No matching frame within {AnswerTimeout}; unclaimed: {string.Join(" ", _unclaimed.Select(f => f.ToJsonString()))}");
            }

            if (match(frame))
            {
                return frame;
            }

            _unclaimed.Add(frame);
        }
    }

    private async Task ReceiveAllAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var received = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage)
                {
                    continue;
                }

                var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                message.SetLength(0);
                if (text == "PING")
                {
                    await SendTextAsync("PONG"u8.ToArray(), _stop.Token);
                }
                else if (text != "PONG" && JsonNode.Parse(text) is JsonObject frame)
                {
                    _frames.Writer.TryWrite(frame);
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // Closed by the test or the server.
        }
        finally
        {
            _frames.Writer.TryComplete();
        }
    }
}
