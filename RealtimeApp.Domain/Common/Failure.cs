namespace RealtimeApp.Domain.Common;

/// <summary>A refusal the user can read: what went wrong and, when throttled, when to retry.</summary>
public sealed record Failure(FailureKind Kind, string Message, TimeSpan? RetryAfter = null)
{
    public static Failure Invalid(string message) => new(FailureKind.Invalid, message);

    public static Failure NotFound(string message) => new(FailureKind.NotFound, message);

    public static Failure Forbidden(string message) => new(FailureKind.Forbidden, message);

    public static Failure Conflict(string message) => new(FailureKind.Conflict, message);

    public static Failure RateLimited(string message, TimeSpan retryAfter) => new(FailureKind.RateLimited, message, retryAfter);
}
