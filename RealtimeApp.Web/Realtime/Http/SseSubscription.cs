using System.Net.WebSockets;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using RealtimeApp.Web.Realtime.Authentication;
using RealtimeApp.Web.Realtime.Connections;
using RealtimeApp.Web.Realtime.Limits;
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
    private readonly SseWriter _writer = new(context.Response, time);
    private readonly CancellationTokenSource _closedByServer = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly DateTimeOffset _connectedAt = time.GetUtcNow();

    public string Id { get; } = Guid.NewGuid().ToString("N");

    public string? UserId { get; set; }

    public ClaimsPrincipal? User { get; private set; }

    public Task Completion => _completion.Task;

    private string Path => head.Calls[0].Path;

    public ApiConnectionInfo Describe() => new(
        Id, UserId, User?.Identity?.Name, context.Connection.RemoteIpAddress?.ToString(), _connectedAt,
        SubscriptionCount: 1, QueuedBytes: 0, _closedByServer.IsCancellationRequested, ApiTransport.ServerSentEvents);

    public void RequestClose(WebSocketCloseStatus status, string? description, bool discardPending)
    {
        try
        {
            _closedByServer.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The stream ended while the caller was closing it (a revocation racing the stream's own end).
        }
    }

    public void SendReconnect()
    {
        // An SSE client reconnects (and resumes) whenever its stream ends: the end itself is the notice.
    }

    public async Task RunAsync()
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _closedByServer.Token);
        try
        {
            StartResponse();
            if (await RefusalAsync() is { } refusal)
            {
                await ConnectedAsync(stop.Token);
                await _writer.ErrorAsync(refusal, Path, stop.Token);
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
        }
        catch (IOException)
        {
            // The connection broke while writing.
        }
        finally
        {
            _closedByServer.Dispose();
            _completion.TrySetResult();
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
            return new TrpcError(TrpcErrorCode.Unauthorized, caller.Failure);
        }

        User = caller.Principal;
        if (await limits.TryAcquireRequestAsync(caller.Principal, context.RequestAborted) is { } refused)
        {
            return refused.ToTrpcException().ToError();
        }

        registry.Add(this);
        var tooMany = await registry.AdmitAsync(this, caller.Principal, limits, context.RequestAborted);
        if (tooMany is not null)
        {
            registry.Remove(this);
        }

        return tooMany;
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
            await ConnectedAsync(stop);
            await _writer.ErrorAsync(CallFailures.ToError(exception, logger, Path, $"SSE stream {Id}"), Path, stop);
            return;
        }

        await ConnectedAsync(stop);
        var ping = TimeSpan.FromSeconds(options.Value.SsePingSeconds);
        await using var pinger = time.CreateTimer(_ => _ = PingIfIdleAsync(ping, stop), null, ping / 2, ping / 2);
        try
        {
            await foreach (var item in events.WithCancellation(stop))
            {
                await _writer.EventAsync(item, stop);
            }

            await _writer.ReturnAsync(stop);
        }
        catch (Exception exception) when (exception is not IOException && !IsStop(exception, stop))
        {
            await _writer.ErrorAsync(CallFailures.ToError(exception, logger, Path, $"SSE stream {Id}"), Path, stop);
        }
    }

    /// <summary>The stream is ending because the client left or the server closed it: nothing more to tell the client.</summary>
    private static bool IsStop(Exception exception, CancellationToken stop) => exception is OperationCanceledException && stop.IsCancellationRequested;

    private Task ConnectedAsync(CancellationToken stop) =>
        _writer.ConnectedAsync(TimeSpan.FromSeconds(options.Value.SseReconnectAfterInactivitySeconds), stop);

    private JsonElement? Input()
    {
        using var inputs = HttpInputs.FromQuery(head);
        var input = procedure.TakesInput ? inputs.For(0)?.Clone() : null;
        return procedure.TakesInput ? SseResume.Merge(input, SseResume.ReadId(context.Request)) : null;
    }

    private async Task PingIfIdleAsync(TimeSpan ping, CancellationToken stop)
    {
        try
        {
            if (_writer.SinceLastWrite >= ping)
            {
                await _writer.PingAsync(stop);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The stream is ending; the loop sees it too.
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
}
