using System.Net;
using Microsoft.Extensions.Options;

namespace RealtimeApp.Web.Features.Metrics;

/// <summary>Answers 404 to callers that are not on this machine, unless <c>Metrics:AllowRemote</c> is set.</summary>
public static class LoopbackOnlyFilter
{
    /// <summary>Adds the check to a branched pipeline, ahead of what the branch serves.</summary>
    public static IApplicationBuilder RejectRemoteCallers(this IApplicationBuilder branch)
    {
        ArgumentNullException.ThrowIfNull(branch);

        return branch.Use(async (context, next) =>
        {
            var options = context.RequestServices.GetRequiredService<IOptionsMonitor<MetricsOptions>>().CurrentValue;
            if (!IsAllowed(context.Connection.RemoteIpAddress, options.AllowRemote))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
        });
    }

    public static bool IsAllowed(IPAddress? remoteAddress, bool allowRemote) =>
        allowRemote || (remoteAddress is not null && IPAddress.IsLoopback(remoteAddress));
}
