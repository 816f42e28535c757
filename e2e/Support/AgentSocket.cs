using System.Net.WebSockets;
using System.Text;

namespace RealtimeApp.E2E.Support;

/// <summary>An external agent on the real WebSocket API: a token in the first frame, then plain tRPC frames.</summary>
public sealed class AgentSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private int _nextId;

    public static async Task<AgentSocket> ConnectAsync(Uri baseAddress, string token, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);

        var agent = new AgentSocket();
        await agent._socket.ConnectAsync(new Uri($"ws://{baseAddress.Authority}/api/ws?connectionParams=1"), ct);
        await agent.SendAsync($$$"""{"method":"connectionParams","data":{"token":"{{{token}}}"}}""", ct);
        return agent;
    }

    /// <summary>Calls <c>agents.report</c> with <paramref name="inputJson"/> and returns the answer frame.</summary>
    public async Task<string> ReportAsync(string inputJson, CancellationToken ct)
    {
        var id = Interlocked.Increment(ref _nextId);
        await SendAsync($$$"""{"id":{{{id}}},"method":"mutation","params":{"input":{{{inputJson}}},"path":"agents.report"}}""", ct);
        return await ReceiveAsync(ct);
    }

    /// <summary>Reports a heartbeat for <paramref name="agentId"/> every <paramref name="period"/>, as a live agent does, until cancelled.</summary>
    public async Task HeartbeatAsync(string agentId, TimeSpan period, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                await ReportAsync($$$"""{"agentId":"{{{agentId}}}"}""", ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The test stopped the agent.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        }

        _socket.Dispose();
    }

    private Task SendAsync(string frame, CancellationToken ct) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, endOfMessage: true, ct);

    private async Task<string> ReceiveAsync(CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        var received = await _socket.ReceiveAsync(buffer, ct);
        return Encoding.UTF8.GetString(buffer, 0, received.Count);
    }
}
