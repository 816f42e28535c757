namespace RealtimeApp.Client;

/// <summary>
/// The server refused a request: <see cref="Code"/> is the tRPC error code (<c>NOT_FOUND</c>, <c>FORBIDDEN</c>,
/// <c>TOO_MANY_REQUESTS</c>…) and the message is the server's, meant for people.
/// </summary>
public sealed class RealtimeApiException : Exception
{
    /// <summary>An error the server sent for <paramref name="path"/>.</summary>
    public RealtimeApiException(string code, string message, string? path = null, TimeSpan? retryAfter = null)
        : base(message)
    {
        Code = code;
        Path = path;
        RetryAfter = retryAfter;
    }

    /// <summary>An error with no details.</summary>
    public RealtimeApiException()
        : this("INTERNAL_SERVER_ERROR", "The server refused the request.")
    {
    }

    /// <summary>An error with a message only.</summary>
    public RealtimeApiException(string message)
        : this("INTERNAL_SERVER_ERROR", message)
    {
    }

    /// <summary>An error with a message and its cause.</summary>
    public RealtimeApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "INTERNAL_SERVER_ERROR";
    }

    /// <summary>The tRPC error code, e.g. <c>NOT_FOUND</c>.</summary>
    public string Code { get; }

    /// <summary>The procedure the error is about, when the server named one.</summary>
    public string? Path { get; }

    /// <summary>For <c>TOO_MANY_REQUESTS</c>: how long to wait before trying again.</summary>
    public TimeSpan? RetryAfter { get; }
}
