using System.Net.WebSockets;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using RealtimeApp.Web.Realtime.Authentication;
using RealtimeApp.Web.Realtime.Connections;
using RealtimeApp.Web.Realtime.Limits;
using RealtimeApp.Web.Realtime.Logging;
using RealtimeApp.Web.Realtime.Procedures;
using RealtimeApp.Web.Realtime.Protocol;

namespace RealtimeApp.Web.Realtime.Http;

/// <summary>
/// One subscription over Server-Sent Events (TRPC_HTTP_PROTOCOL §5, §9.9–14). Once the path is a subscription the answer
/// is always a 200 event stream: <c>connected</c> (once the subscription is live), then the events (tracked ones with <c>id:</c>), <c>return</c> at a
/// natural end, or <c>serialized-error</c> for a refusal or a failure. It resumes from <see cref="SseResume"/> like the
/// WebSocket (replay from the store, then live), pings after silence, counts against the user's connection limit,
/// and ends without <c>return</c> when the server closes it (shutdown, revocation, lockout) so the client resumes.
/// </summary>
internal sealed class SseSubscription(
    HttpContext context,
    HttpRequestHead head,
    SubscriptionProcedure procedure,
    IOptions<ApiOptions> options,
    IApiConnectionAuthenticator authenticator,
    IApiUserLimits limits,
    ApiConnectionRegistry registry,
    ConnectionMetrics metrics,
    TimeProvider time,
    ILogger<SseSubscription> logger) : IApiSession
{
    private readonly SseOutbox _outbox = new(context.Response.BodyWriter, options.Value.SendQueueBytes, time);
    private readonly CancellationTokenSource _closedByServer = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly DateTimeOffset _connectedAt = time.GetUtcNow();

    // Read once: the registry may still describe the stream for a moment after its request has ended and its
    // HttpContext is disposed (a lock ending the stream while the administrator's page lists who is online).
    private readonly string? _remoteAddress = context.Connection.RemoteIpAddress?.ToString();

    // How the stream ended, for its last log line: the first reason noted wins.
    private StreamEnd? _end;

    public string Id { get; } = Guid.NewGuid().ToString("N");

    public string? UserId { get; set; }

    public ClaimsPrincipal? User { get; private set; }

    public Task Completion => _completion.Task;

    private string Path => head.Calls[0].Path;

    public ApiConnectionInfo Describe() => new(
        Id, UserId, User?.Identity?.Name, _remoteAddress, _connectedAt,
        SubscriptionCount: 1, _outbox.QueuedBytes, _closedByServer.IsCancellationRequested, ApiTransport.ServerSentEvents);

    public void RequestClose(WebSocketCloseStatus status, string? description, bool discardPending)
    {
        NoteEnd("server", status, description ?? "closed by the server");
        try
        {
            _closedByServer.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The stream ended while the caller was closing it (a revocation racing the stream's own end).
        }
    }

    /// <summary>A stream runs no calls of its own: it just ends.</summary>
    public void FinishAndClose(WebSocketCloseStatus status, string? description) => RequestClose(status, description, discardPending: false);

    public void SendReconnect()
    {
        // An SSE client reconnects (and resumes) whenever its stream ends: the end itself is the notice.
    }

    public async Task RunAsync()
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _closedByServer.Token);
        using var logScope = logger.BeginScope(new ApiSessionLogScope(this, ApiSessionLogScope.ServerSentEvents));
        ApiConnectionLog.Opened(logger, _remoteAddress);
        try
        {
            StartResponse();
            if (await RefusalAsync() is { } refusal)
            {
                NoteEnd("server", null, "refused: " + refusal.Message);
                Send(Connected());
                Send(SseFrame.Error(refusal, Path));
                await _outbox.FlushedAsync().WaitAsync(stop.Token);
                return;
            }

            metrics.SseStreamOpened();
            try
            {
                await StreamAsync(stop.Token);
            }
            finally
            {
                metrics.SseStreamClosed();
                registry.Remove(this);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The client left, or the server ended the stream without "return": the client reconnects and resumes.
            NoteEnd("client", null, "client left");
        }
        catch (IOException)
        {
            NoteEnd("network", null, "the connection broke while writing");
        }
        finally
        {
            await StopWritingAsync();
            _closedByServer.Dispose();
            _completion.TrySetResult();
            var end = _end ?? new StreamEnd("server", null, "stream ended");
            ApiConnectionLog.Closed(logger, end.ClosedBy, end.Status, end.Reason, time.GetUtcNow() - _connectedAt);
        }
    }

    private void StartResponse()
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache, no-transform";
        response.Headers["X-Accel-Buffering"] = "no";
        if (!head.IsGet)
        {
            response.Headers.Allow = "GET";
        }

        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
    }

    /// <summary>
    /// Why the stream may not start (told after <c>connected</c>, as the protocol says): wrong method, caller, budget,
    /// connection limit. When it may, it is in the registry, counted against its user.
    /// </summary>
    private async Task<TrpcError?> RefusalAsync()
    {
        if (!head.IsGet)
        {
            return new TrpcError(TrpcErrorCode.MethodNotSupported, $"Unsupported {context.Request.Method}-request to subscription procedure at path \"{Path}\"");
        }

        var caller = await HttpCaller.AuthenticateAsync(context, head.ConnectionParams, authenticator, options.Value);
        if (!caller.Succeeded)
        {
            ApiConnectionLog.AuthenticationFailed(logger, caller.Failure);
            return new TrpcError(TrpcErrorCode.Unauthorized, caller.Failure);
        }

        User = caller.Principal;
        if (await limits.TryAcquireRequestAsync(caller.Principal, context.RequestAborted) is { } refused)
        {
            ApiConnectionLog.RateLimited(logger, Path);
            return refused.ToTrpcException().ToError();
        }

        registry.Add(this);
        var tooMany = await registry.AdmitAsync(this, caller.Principal, limits, context.RequestAborted);
        if (tooMany is not null)
        {
            registry.Remove(this);
            ApiConnectionLog.Refused(logger, tooMany.Message);
            return tooMany;
        }

        ApiConnectionLog.Authenticated(logger, UserId);
        return null;
    }

    /// <summary>
    /// Starts the subscription, then sends <c>connected</c>: a client that acts on <c>connected</c> (the official link's
    /// <c>onStarted</c>) finds the subscription live, so nothing published after it is missed.
    /// </summary>
    private async Task StreamAsync(CancellationToken stop)
    {
        IAsyncEnumerable<SubscriptionEvent> events;
        try
        {
            events = await procedure.StartAsync(CreateContext(stop), Input());
        }
        catch (Exception exception) when (!IsStop(exception, stop))
        {
            NoteEnd("server", null, "the subscription failed to start");
            Send(Connected());
            Send(SseFrame.Error(CallFailures.ToError(exception, logger, Path, $"SSE stream {Id}"), Path));
            await _outbox.FlushedAsync().WaitAsync(stop);
            return;
        }

        Send(Connected());
        var ping = TimeSpan.FromSeconds(options.Value.SsePingSeconds);
        await using var pinger = time.CreateTimer(_ => PingIfIdle(ping), null, ping / 2, ping / 2);
        try
        {
            await foreach (var item in events.WithCancellation(stop))
            {
                using var delivery = item.EventId is null ? default : ApiSpans.StartDelivery(Path, ApiSessionLogScope.ServerSentEvents, item.EventId, item.Published);
                Send(SseFrame.Event(item));
            }

            Send(SseFrame.Return());
            NoteEnd("server", null, "the subscription ended (return)");
        }
        catch (Exception exception) when (!IsStop(exception, stop))
        {
            NoteEnd("server", null, "the subscription failed");
            Send(SseFrame.Error(CallFailures.ToError(exception, logger, Path, $"SSE stream {Id}"), Path));
        }

        await _outbox.FlushedAsync().WaitAsync(stop);
    }

    /// <summary>The stream is ending because the client left or the server closed it: nothing more to tell the client.</summary>
    private static bool IsStop(Exception exception, CancellationToken stop) => exception is OperationCanceledException && stop.IsCancellationRequested;

    private SseFrame Connected() => SseFrame.Connected(TimeSpan.FromSeconds(options.Value.SseReconnectAfterInactivitySeconds));

    private void Send(SseFrame frame)
    {
        if (!_outbox.TrySend(frame) && !_outbox.IsBroken && !_closedByServer.IsCancellationRequested)
        {
            ApiConnectionLog.SendQueueOverflow(logger, options.Value.SendQueueBytes);
            RequestClose(ApiCloseCodes.SendQueueOverflow, "send queue overflow", discardPending: true);
            context.Abort();
        }
    }

    /// <summary>
    /// Whatever ended the stream, nothing may still be writing once the request is over. A reader still holding back a
    /// write is cut off: it reconnects and resumes from its last event.
    /// </summary>
    private async Task StopWritingAsync()
    {
        var flushed = _outbox.FlushedAsync();
        if (!flushed.IsCompleted)
        {
            context.Abort();
        }

        await flushed;
    }

    private void NoteEnd(string closedBy, WebSocketCloseStatus? status, string reason) =>
        Interlocked.CompareExchange(ref _end, new StreamEnd(closedBy, status, reason), null);

    private JsonElement? Input()
    {
        using var inputs = HttpInputs.FromQuery(head);
        var input = procedure.TakesInput ? inputs.For(0)?.Clone() : null;
        return procedure.TakesInput ? SseResume.Merge(input, SseResume.ReadId(context.Request)) : null;
    }

    private void PingIfIdle(TimeSpan ping)
    {
        if (_outbox.SinceLastEvent >= ping)
        {
            Send(SseFrame.Ping());
        }
    }

    private ProcedureContext CreateContext(CancellationToken stop) => new()
    {
        User = User!,
        Services = context.RequestServices,
        CancellationToken = stop,
        ConnectionId = Id,
        Path = Path,
        Type = ProcedureType.Subscription,
        ConnectionParams = head.ConnectionParams,
    };

    private sealed record StreamEnd(string ClosedBy, WebSocketCloseStatus? Status, string Reason);
}
