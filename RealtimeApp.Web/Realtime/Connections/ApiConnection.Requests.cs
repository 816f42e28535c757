using RealtimeApp.Web.Realtime.Limits;
using RealtimeApp.Web.Realtime.Logging;
using RealtimeApp.Web.Realtime.Procedures;
using RealtimeApp.Web.Realtime.Protocol;

namespace RealtimeApp.Web.Realtime.Connections;

/// <summary>Running requests: each on its own task, answers queued in completion order (§3.3, §5).</summary>
internal sealed partial class ApiConnection
{
    private static readonly Action<Task, object?> CallFinished = static (_, connection) => ((ApiConnection)connection!).RequestFinished(wasCall: true);
    private static readonly Action<Task, object?> SubscriptionFinished = static (_, connection) => ((ApiConnection)connection!).RequestFinished(wasCall: false);

    private readonly Lock _requestsLock = new();
    private int _runningRequests;
    private TaskCompletionSource? _requestsFinished;

    // 1 while the user's requests are being refused: only the first refusal of a run is logged.
    private int _throttled;

    private void Dispatch(TrpcRequest request)
    {
        if (request.Method == TrpcMethod.SubscriptionStop)
        {
            _subscriptions.TryStop(request.Id);
            return;
        }

        var isCall = request.Method != TrpcMethod.Subscription;
        bool refused;
        lock (_requestsLock)
        {
            refused = _finishing;
            if (!refused)
            {
                _runningRequests++;
                _runningCalls += isCall ? 1 : 0;
            }
        }

        if (refused)
        {
            SendError(request, ShuttingDownError);
            return;
        }

        Task.Run(() => isCall ? RunCallAsync(request) : RunSubscriptionAsync(request)).ContinueWith(
            isCall ? CallFinished : SubscriptionFinished, this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void RequestFinished(bool wasCall)
    {
        TaskCompletionSource? callsAnswered = null;
        TaskCompletionSource? finished = null;
        lock (_requestsLock)
        {
            if (wasCall && --_runningCalls == 0)
            {
                (callsAnswered, _callsAnswered) = (_callsAnswered, null);
            }

            if (--_runningRequests == 0)
            {
                (finished, _requestsFinished) = (_requestsFinished, null);
            }
        }

        callsAnswered?.TrySetResult();
        finished?.TrySetResult();
    }

    /// <summary>Completes when no request is running (a count, not a table: an idle connection keeps nothing per request).</summary>
    private Task WhenRequestsFinishedAsync()
    {
        lock (_requestsLock)
        {
            return _runningRequests == 0
                ? Task.CompletedTask
                : (_requestsFinished ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
    }

    private async Task RunCallAsync(TrpcRequest request)
    {
        using var span = ApiSpans.StartCall(request.Path, ApiCallMetrics.WebSocket, ownTrace: true);
        var started = _callMetrics.Start();
        var (procedure, error) = await AnswerCallAsync(request);
        _callMetrics.Completed(ApiCallMetrics.WebSocket, procedure, error, started);
        ApiSpans.Completed(span.Activity, error);
    }

    /// <summary>Answers a query or mutation; returns the procedure's path (null when there is none) and the error code sent, if any.</summary>
    private async Task<(string? Procedure, TrpcErrorCode? Error)> AnswerCallAsync(TrpcRequest request)
    {
        var identity = await _context.Task;
        if (identity is null)
        {
            SendRejection(request);
            return (null, _rejection?.Code ?? TrpcErrorCode.Unauthorized);
        }

        if (await IsThrottledAsync(request, identity))
        {
            return (null, TrpcErrorCode.TooManyRequests);
        }

        var type = request.Method == TrpcMethod.Query ? ProcedureType.Query : ProcedureType.Mutation;
        if (!_router.TryFind(request.Path, out var procedure) || procedure is not CallProcedure call || call.Type != type)
        {
            SendError(request, TrpcError.NoProcedure(request.Method, request.Path));
            return (null, TrpcErrorCode.NotFound);
        }

        try
        {
            var write = await call.InvokeAsync(CreateContext(identity, request, type, _connectionCts.Token), request.Input);
            Send(TrpcFrames.Data(request.Id, request.JsonRpc, write));
            return (call.Path, null);
        }
        catch (Exception exception)
        {
            var cancelled = SendFailure(request, exception, _connectionCts.Token, out var error);
            return (call.Path, cancelled ? TrpcErrorCode.ClientClosedRequest : error);
        }
    }

    private async Task RunSubscriptionAsync(TrpcRequest request)
    {
        var identity = await _context.Task;
        if (identity is null)
        {
            SendRejection(request);
            return;
        }

        if (await IsThrottledAsync(request, identity))
        {
            return;
        }

        if (!_router.TryFind(request.Path, out var procedure) || procedure is not SubscriptionProcedure subscription)
        {
            SendError(request, TrpcError.NoProcedure(request.Method, request.Path));
            return;
        }

        var max = (await _limits.GetAsync(identity.Principal, _connectionCts.Token)).SubscriptionsPerConnection;
        switch (_subscriptions.TryAdd(request.Id, max, _connectionCts.Token, out var source))
        {
            case SubscriptionReservation.Duplicate:
                SendError(request, new TrpcError(TrpcErrorCode.BadRequest, $"Duplicate id {request.Id.RawJson}"));
                return;
            case SubscriptionReservation.LimitReached:
                _limits.RecordRefusal(identity.Principal, ApiLimit.Subscriptions);
                SendError(request, new TrpcError(TrpcErrorCode.BadRequest, $"Too many subscriptions on this connection (max {max})"));
                return;
        }

        var sendStopped = await StreamAsync(request, identity, subscription, source!.Token);
        _subscriptions.Remove(request.Id, source);
        if (sendStopped)
        {
            Send(TrpcFrames.Stopped(request.Id, request.JsonRpc));
        }
    }

    /// <summary>Runs the stream; true when <c>stopped</c> is due (it started, or the client stopped it).</summary>
    private async Task<bool> StreamAsync(TrpcRequest request, ConnectionIdentity identity, SubscriptionProcedure subscription, CancellationToken cancellation)
    {
        var started = false;
        try
        {
            var events = await subscription.StartAsync(CreateContext(identity, request, ProcedureType.Subscription, cancellation), request.Input);
            started = Send(TrpcFrames.Started(request.Id, request.JsonRpc));
            await foreach (var item in events.WithCancellation(cancellation))
            {
                if (item.EventId is null)
                {
                    if (!Send(TrpcFrames.Data(request.Id, request.JsonRpc, item.WritePayload)))
                    {
                        break;
                    }

                    continue;
                }

                using var delivery = ApiSpans.StartDelivery(request.Path, ApiCallMetrics.WebSocket, item.EventId, item.Published);
                if (!Send(TrpcFrames.TrackedData(request.Id, request.JsonRpc, item.EventId, item.WritePayload)))
                {
                    break;
                }
            }

            return started;
        }
        catch (Exception exception)
        {
            return SendFailure(request, exception, cancellation) || started;
        }
    }

    /// <summary>Takes one request from the user's budget; when it is spent, answers TOO_MANY_REQUESTS (the connection stays open).</summary>
    private async Task<bool> IsThrottledAsync(TrpcRequest request, ConnectionIdentity identity)
    {
        if (await _limits.TryAcquireRequestAsync(identity.Principal, _connectionCts.Token) is not { } refused)
        {
            Volatile.Write(ref _throttled, 0);
            return false;
        }

        if (Interlocked.Exchange(ref _throttled, 1) == 0)
        {
            ApiConnectionLog.RateLimited(_logger, request.Path);
        }

        SendError(request, refused.ToTrpcException().ToError());
        return true;
    }

    /// <summary>Sends the error for a failed call; true when the call was cancelled instead (no error frame).</summary>
    private bool SendFailure(TrpcRequest request, Exception exception, CancellationToken cancellation) =>
        SendFailure(request, exception, cancellation, out _);

    private bool SendFailure(TrpcRequest request, Exception exception, CancellationToken cancellation, out TrpcErrorCode? sent)
    {
        sent = null;
        if (exception is OperationCanceledException && cancellation.IsCancellationRequested)
        {
            return true;
        }

        var error = CallFailures.ToError(exception, _logger, request.Path, $"request {request.Id} on connection {Id}");
        SendError(request, error);
        sent = error.Code;
        return false;
    }

    private void SendRejection(TrpcRequest request)
    {
        if (_rejection is { } rejection)
        {
            SendError(request, rejection);
        }
    }

    private void SendError(TrpcRequest request, TrpcError error) =>
        Send(TrpcFrames.Error(request.Id, request.JsonRpc, error, request.Path));

    private ProcedureContext CreateContext(ConnectionIdentity identity, TrpcRequest request, ProcedureType type, CancellationToken cancellation) => new()
    {
        User = identity.Principal,
        Services = _services,
        CancellationToken = cancellation,
        ConnectionId = Id,
        Path = request.Path,
        Type = type,
        ConnectionParams = identity.Parameters,
    };
}
