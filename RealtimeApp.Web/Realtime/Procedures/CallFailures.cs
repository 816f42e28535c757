using RealtimeApp.Web.Data;
using RealtimeApp.Web.Realtime.Protocol;

namespace RealtimeApp.Web.Realtime.Procedures;

/// <summary>What a failed call answers, on every transport.</summary>
internal static class CallFailures
{
    /// <summary>
    /// A procedure's <see cref="TrpcException"/> as it is; anything else is logged once, with the caller, and answered as
    /// INTERNAL_SERVER_ERROR with no internals on the wire (saying so when the database is unreachable, which is not the
    /// caller's fault and passes).
    /// </summary>
    public static TrpcError ToError(Exception exception, ILogger logger, string path, string caller)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(logger);

        if (exception is TrpcException trpc)
        {
            return trpc.ToError();
        }

        logger.LogError(exception, "API procedure {Path} failed for {Caller}", path, caller);
        return StoreUnavailable.Is(exception) ? new TrpcError(TrpcErrorCode.InternalServerError, StoreUnavailable.Message) : TrpcError.Internal();
    }
}
