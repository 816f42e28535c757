using RealtimeApp.Web.Realtime.Authentication;
using RealtimeApp.Web.Realtime.Limits;
using RealtimeApp.Web.Realtime.Logging;
using RealtimeApp.Web.Realtime.Procedures;
using RealtimeApp.Web.Realtime.Protocol;

namespace RealtimeApp.Web.Realtime.Http;

/// <summary>
/// Runs the queries and mutations of one HTTP request on the same procedures as <c>/api/ws</c>, checking in the
/// protocol's order (§2.6): the path, the method, the caller, the caller's request budget (one token per call), the
/// input, then the procedure.
/// </summary>
internal sealed class HttpCallRunner(HttpContext context, ApiAuthenticationResult caller, IApiUserLimits limits, ApiCallMetrics metrics, ILogger logger)
{
    // One line per request, however many of its calls the rate limit refuses.
    private int _throttled;

    public async Task<HttpCallOutcome> RunAsync(HttpCall call, HttpRequestHead head, HttpInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(inputs);

        using var span = ApiSpans.StartCall(call.Path, ApiCallMetrics.Http, ownTrace: false);
        var started = metrics.Start();
        var outcome = await RunCheckedAsync(call, head, inputs);
        metrics.Completed(ApiCallMetrics.Http, call.Procedure is null ? null : call.Path, outcome.Error?.Code, started);
        ApiSpans.Completed(span.Activity, outcome.Error?.Code);
        return outcome;
    }

    private async Task<HttpCallOutcome> RunCheckedAsync(HttpCall call, HttpRequestHead head, HttpInputs inputs)
    {
        if (call.Procedure is not { } procedure)
        {
            return HttpCallOutcome.Failed(new TrpcError(TrpcErrorCode.NotFound, $"No procedure found on path \"{call.Path}\""));
        }

        if (procedure is not CallProcedure callProcedure)
        {
            return HttpCallOutcome.Failed(new TrpcError(TrpcErrorCode.BadRequest, "Cannot batch subscription calls"));
        }

        if (!head.HasMethodOf(procedure))
        {
            var (sent, allow) = head.IsGet ? ("GET", "POST") : ("POST", "GET");
            var message = $"Unsupported {sent}-request to {procedure.Type.ToString().ToLowerInvariant()} procedure at path \"{call.Path}\"";
            return HttpCallOutcome.Failed(new TrpcError(TrpcErrorCode.MethodNotSupported, message), allow);
        }

        if (!caller.Succeeded)
        {
            return HttpCallOutcome.Failed(new TrpcError(TrpcErrorCode.Unauthorized, caller.Failure));
        }

        if (await limits.TryAcquireRequestAsync(caller.Principal, context.RequestAborted) is { } refused)
        {
            if (Interlocked.Exchange(ref _throttled, 1) == 0)
            {
                ApiConnectionLog.RateLimited(logger, call.Path);
            }

            return HttpCallOutcome.Failed(refused.ToTrpcException().ToError());
        }

        try
        {
            var input = procedure.TakesInput ? inputs.For(call.Index) : null;
            var write = await callProcedure.InvokeAsync(CreateContext(call, procedure.Type, head), input);
            return new HttpCallOutcome(write, null);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return HttpCallOutcome.Failed(new TrpcError(TrpcErrorCode.ClientClosedRequest, "The client closed the request"));
        }
        catch (Exception exception)
        {
            return HttpCallOutcome.Failed(CallFailures.ToError(exception, logger, call.Path, $"HTTP request {context.TraceIdentifier}"));
        }
    }

    private ProcedureContext CreateContext(HttpCall call, ProcedureType type, HttpRequestHead head) => new()
    {
        User = caller.Principal!,
        Services = context.RequestServices,
        CancellationToken = context.RequestAborted,
        ConnectionId = $"http:{context.TraceIdentifier}",
        Path = call.Path,
        Type = type,
        ConnectionParams = head.ConnectionParams,
    };
}
