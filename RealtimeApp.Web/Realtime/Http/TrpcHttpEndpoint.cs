using System.Security.Claims;
using Microsoft.Extensions.Options;
using RealtimeApp.Web.Realtime.Authentication;
using RealtimeApp.Web.Realtime.Limits;
using RealtimeApp.Web.Realtime.Logging;
using RealtimeApp.Web.Realtime.Procedures;
using RealtimeApp.Web.Realtime.Protocol;

namespace RealtimeApp.Web.Realtime.Http;

/// <summary>
/// <c>/api/trpc</c>: tRPC v11 over HTTP (TRPC_HTTP_PROTOCOL.md) on the same procedures as <c>/api/ws</c>. Queries by
/// GET and mutations by POST, single or batched (<c>?batch=1</c>), answered as JSON or streamed as JSON Lines;
/// subscriptions by GET as Server-Sent Events (<see cref="SseSubscription"/>).
/// </summary>
internal static class TrpcHttpEndpoint
{
    public static async Task HandleAsync(HttpContext context)
    {
        try
        {
            await AnswerAsync(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client left.
        }
        catch (Exception exception)
        {
            // A barrier per request: whatever failed, the client gets the protocol's error and the process goes on.
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TrpcHttpEndpoint))
                .LogError(exception, "API request {TraceIdentifier} to {Path} failed", context.TraceIdentifier, context.Request.Path);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                await HttpAnswers.WriteRequestErrorAsync(context.Response, TrpcError.Internal());
            }
        }
    }

    private static async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers.Vary = "trpc-accept, accept";
        if (HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<ApiOptions>>().Value;
        HttpRequestHead head;
        try
        {
            var path = HttpRequestHeadReader.ProcedurePath(request.Path);
            head = HttpRequestHeadReader.Read(request.Method, path, request.Query, request.Headers, services.GetRequiredService<ProcedureRouter>(), options.HttpMaxBatchSize);
        }
        catch (TrpcException exception)
        {
            await HttpAnswers.WriteRequestErrorAsync(response, exception.ToError());
            return;
        }

        if (!head.IsBatch && head.Calls[0].Procedure is SubscriptionProcedure subscription)
        {
            await ActivatorUtilities.CreateInstance<SseSubscription>(services, context, head, subscription).RunAsync();
            return;
        }

        using var inputs = head.IsGet
            ? HttpInputs.FromQuery(head)
            : await HttpBody.ReadInputsAsync(request, head.IsBatch, options.HttpMaxBodyBytes);
        // Calls that fail on their path or method never reach authentication (§2.6): a batch of only those costs no look-up.
        var authenticates = head.Calls.Any(call => call.Procedure is CallProcedure procedure && head.HasMethodOf(procedure));
        var caller = authenticates
            ? await HttpCaller.AuthenticateAsync(context, head.ConnectionParams, services.GetRequiredService<IApiConnectionAuthenticator>(), options)
            : ApiAuthenticationResult.Fail("not authenticated");
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TrpcHttpEndpoint));
        var userId = caller.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        using var logScope = logger.BeginScope(new ApiSessionLogScope("http:" + context.TraceIdentifier, userId, ApiSessionLogScope.Http));
        if (authenticates && !caller.Succeeded)
        {
            ApiConnectionLog.AuthenticationFailed(logger, caller.Failure);
        }

        var runner = new HttpCallRunner(
            context,
            caller,
            services.GetRequiredService<IApiUserLimits>(),
            services.GetRequiredService<ApiCallMetrics>(),
            logger);
        var calls = head.Calls.Select(call => runner.RunAsync(call, head, inputs)).ToList();
        if (head.IsStreamed)
        {
            await HttpAnswers.StreamAsync(response, head, calls);
        }
        else
        {
            await HttpAnswers.WriteAsync(response, head, await Task.WhenAll(calls));
        }
    }
}
