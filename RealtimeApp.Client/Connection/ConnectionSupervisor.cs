using System.Collections.Concurrent;
using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using RealtimeApp.Client.Protocol;

namespace RealtimeApp.Client.Connection;

/// <summary>
/// Keeps one connection open for as long as the client lives: opens it, subscribes every live subscription again on
/// each new connection (resuming after its last event), and after a loss waits as the <see cref="ReconnectPolicy"/>
/// says before the next attempt. It stops for good only when disposed or when the server refuses the credentials.
/// </summary>
internal sealed partial class ConnectionSupervisor : IAsyncDisposable
{
    /// <summary>Close reasons (code 4001) and connection errors that mean the token will never be accepted again.</summary>
    private static readonly string[] CredentialRefusals = ["invalid token", "token revoked", "token expired", "account locked"];

    private readonly RealtimeClientOptions _options;
    private readonly PendingCalls _calls;
    private readonly ConcurrentDictionary<long, Subscription> _subscriptions;
    private readonly CancellationTokenSource _disposed = new();
    private readonly Lock _lock = new();
    private TaskCompletionSource<SocketSession> _open = NewOpen();
    private Task? _loop;
    private string? _refusal;

    public ConnectionSupervisor(RealtimeClientOptions options, PendingCalls calls, ConcurrentDictionary<long, Subscription> subscriptions)
    {
        _options = options;
        _calls = calls;
        _subscriptions = subscriptions;
    }

    public event Action<ConnectionState>? StateChanged;

    public ConnectionState State { get; private set; } = new(ConnectionPhase.Connecting);

    public void Start() => _loop ??= RunAsync(_disposed.Token);

    /// <summary>The open connection; waits while the client (re)connects, fails once it is closed for good.</summary>
    public Task<SocketSession> WaitOpenAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return _open.Task.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        _disposed.Dispose();
    }

    private async Task RunAsync(CancellationToken disposed)
    {
        await Task.Yield();
        var attempt = 0;
        SessionEnd end = new(null, "disposed");
        while (!disposed.IsCancellationRequested)
        {
            end = await RunSessionAsync(disposed, () => attempt = 0);
            _calls.FailAll(new RealtimeConnectionException(
                $"The connection was lost ({end.Reason}) before the answer arrived; the request may or may not have run."));
            if (disposed.IsCancellationRequested || IsRefusal(end))
            {
                break;
            }

            attempt++;
            var delay = _options.Reconnect.DelayBefore(attempt, Random.Shared.NextDouble());
            LogReconnecting(_options.Logger, end.CloseCode, end.Reason, attempt, delay.TotalMilliseconds);
            Report(new ConnectionState(ConnectionPhase.Reconnecting, attempt, delay, end.CloseCode, end.Reason));
            try
            {
                await Task.Delay(delay, _options.Time, disposed);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        Close(end);
    }

    /// <summary>Opens one connection and runs it until it ends; <paramref name="opened"/> runs once it is open.</summary>
    private async Task<SessionEnd> RunSessionAsync(CancellationToken disposed, Action opened)
    {
        SocketSession session;
        try
        {
            session = await SocketSession.OpenAsync(_options, frame => OnFrameAsync(frame, disposed), disposed);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or HttpRequestException)
        {
            return new SessionEnd(null, disposed.IsCancellationRequested ? "disposed" : exception.Message);
        }

        await using (session)
        {
            opened();
            LogOpen(_options.Logger, _options.ServerUrl);
            Report(new ConnectionState(ConnectionPhase.Open));
            try
            {
                foreach (var subscription in _subscriptions.Values.OrderBy(s => s.Id).Where(s => s.TryClaim(session)))
                {
                    await session.SendAsync(subscription.Request(), disposed);
                }
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // The connection failed at once; Completion says why.
            }

            lock (_lock)
            {
                _open.TrySetResult(session);
            }

            SessionEnd end;
            try
            {
                end = await session.Completion.WaitAsync(disposed);
            }
            catch (OperationCanceledException)
            {
                end = new SessionEnd(null, "disposed");
            }

            lock (_lock)
            {
                _open = NewOpen();
            }

            return end;
        }
    }

    /// <summary>Routes one frame; only an event for a subscription whose queue is full makes the receive loop wait.</summary>
    private ValueTask OnFrameAsync(ServerFrame frame, CancellationToken disposed)
    {
        switch (frame.Kind)
        {
            case ServerFrameKind.ConnectionError:
                // Sent before the server closes: a refused token is never retried.
                if (frame.Error!.Code == "UNAUTHORIZED")
                {
                    _refusal = frame.Error.Message;
                }

                LogConnectionError(_options.Logger, frame.Error.Code, frame.Error.Message);
                break;
            case ServerFrameKind.Data or ServerFrameKind.Error or ServerFrameKind.Started or ServerFrameKind.Stopped:
                // Subscriptions first: their events are most of the frames.
                if (_subscriptions.TryGetValue(frame.Id, out var subscription))
                {
                    return Deliver(subscription, frame, disposed);
                }

                _calls.TryComplete(frame);
                break;
        }

        return ValueTask.CompletedTask;
    }

    private ValueTask Deliver(Subscription subscription, ServerFrame frame, CancellationToken disposed)
    {
        switch (frame.Kind)
        {
            case ServerFrameKind.Data:
                return subscription.DeliverAsync(frame, disposed);
            case ServerFrameKind.Stopped:
                _subscriptions.TryRemove(subscription.Id, out _);
                subscription.End();
                break;
            case ServerFrameKind.Error when frame.Error!.Code == "SERVICE_UNAVAILABLE":
                // The server is shutting down: the subscription is made again on the next connection.
                break;
            case ServerFrameKind.Error:
                _subscriptions.TryRemove(subscription.Id, out _);
                subscription.End(frame.Error);
                break;
        }

        return ValueTask.CompletedTask;
    }

    private bool IsRefusal(SessionEnd end)
    {
        if (_refusal is null && end.CloseCode == 4001 && CredentialRefusals.Contains(end.Reason))
        {
            _refusal = end.Reason;
        }

        return _refusal is not null;
    }

    private void Close(SessionEnd end)
    {
        var reason = _refusal ?? end.Reason;
        var error = new RealtimeConnectionException(
            _refusal is null ? "The client is closed." : $"The server refused the token ({_refusal}); the client will not reconnect.", isFinal: true);
        lock (_lock)
        {
            _open.TrySetException(error);
        }

        _calls.FailAll(error);
        foreach (var subscription in _subscriptions.Values)
        {
            subscription.End(error);
        }

        _subscriptions.Clear();
        LogClosed(_options.Logger, end.CloseCode, reason);
        Report(new ConnectionState(ConnectionPhase.Closed, CloseCode: end.CloseCode, Reason: reason));
    }

    private void Report(ConnectionState state)
    {
        State = state;
        StateChanged?.Invoke(state);
    }

    private static TaskCompletionSource<SocketSession> NewOpen() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Connected to {ServerUrl}")]
    private static partial void LogOpen(ILogger logger, Uri serverUrl);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Connection lost ({CloseCode} {Reason}); attempt {Attempt} in {DelayMs} ms")]
    private static partial void LogReconnecting(ILogger logger, int? closeCode, string reason, int attempt, double delayMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "The server refused the connection: {Code} {Message}")]
    private static partial void LogConnectionError(ILogger logger, string code, string message);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Client closed ({CloseCode} {Reason})")]
    private static partial void LogClosed(ILogger logger, int? closeCode, string reason);
}
