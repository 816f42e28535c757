using RealtimeApp.Domain.Common;
using RealtimeApp.Web.Realtime.Protocol;

namespace RealtimeApp.Web.Realtime.Procedures;

/// <summary>
/// How a feature service's refusal (<see cref="Failure"/>) reaches an API client: Invalid → BAD_REQUEST,
/// NotFound → NOT_FOUND, Forbidden → FORBIDDEN, Conflict → CONFLICT, RateLimited → TOO_MANY_REQUESTS with
/// <c>data.retryAfterMs</c> (whole milliseconds, rounded up).
/// </summary>
public static class FailureErrors
{
    /// <summary>The value of a successful result; otherwise throws the failure as a <see cref="TrpcException"/>.</summary>
    public static T ValueOrThrow<T>(this Result<T> result) =>
        result.Failure is { } failure ? throw failure.ToTrpcException() : result.Value!;

    public static TrpcException ToTrpcException(this Failure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);

        return failure.Kind switch
        {
            FailureKind.Invalid => new TrpcException(TrpcErrorCode.BadRequest, failure.Message),
            FailureKind.NotFound => new TrpcException(TrpcErrorCode.NotFound, failure.Message),
            FailureKind.Forbidden => new TrpcException(TrpcErrorCode.Forbidden, failure.Message),
            FailureKind.Conflict => new TrpcException(TrpcErrorCode.Conflict, failure.Message),
            FailureKind.RateLimited => new TrpcException(TrpcErrorCode.TooManyRequests, failure.Message, new Dictionary<string, object?>
            {
                ["retryAfterMs"] = (long)Math.Ceiling((failure.RetryAfter ?? TimeSpan.Zero).TotalMilliseconds),
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(failure), failure.Kind, "Unknown failure kind."),
        };
    }
}
