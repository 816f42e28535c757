using System.Net.WebSockets;
using RealtimeApp.Web.Realtime.Protocol;

namespace RealtimeApp.Web.Realtime.Connections;

/// <summary>
/// Closing at shutdown without breaking a promise: once the drain is over the connection takes no new request (each is
/// answered SERVICE_UNAVAILABLE, to send again after reconnecting), lets the queries and mutations already running
/// finish and answer (a <c>chat.send</c> being committed is answered with its message), then closes.
/// </summary>
internal sealed partial class ApiConnection
{
    private static readonly TrpcError ShuttingDownError = new(
        TrpcErrorCode.ServiceUnavailable, "The server is shutting down. Reconnect and send it again.");

    private int _runningCalls;
    private TaskCompletionSource? _callsAnswered;
    private bool _finishing;

    public void FinishAndClose(WebSocketCloseStatus status, string? description)
    {
        Task answered;
        lock (_requestsLock)
        {
            if (_finishing)
            {
                return;
            }

            _finishing = true;
            answered = _runningCalls == 0
                ? Task.CompletedTask
                : (_callsAnswered ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }

        _ = CloseOnceAnsweredAsync(answered, status, description);
    }

    private async Task CloseOnceAnsweredAsync(Task answered, WebSocketCloseStatus status, string? description)
    {
        try
        {
            await answered.WaitAsync(TimeSpan.FromSeconds(_options.CloseTimeoutSeconds));
        }
        catch (TimeoutException)
        {
            // Bounded like the close handshake: a call that never ends must not hold the shutdown up.
        }

        RequestClose(status, description, discardPending: false);
    }
}
