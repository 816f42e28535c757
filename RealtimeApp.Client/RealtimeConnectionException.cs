namespace RealtimeApp.Client;

/// <summary>
/// The connection could not carry a request: it was lost while a mutation was under way (it may or may not have run:
/// send it again with the same <c>clientId</c>; a query is asked again on its own), it did not come back within the
/// request timeout, or the client is closed (<see cref="IsFinal"/>, e.g. the token was revoked).
/// </summary>
public sealed class RealtimeConnectionException : Exception
{
    /// <summary>A connection failure.</summary>
    public RealtimeConnectionException(string message, bool isFinal = false, Exception? innerException = null)
        : base(message, innerException)
    {
        IsFinal = isFinal;
    }

    /// <summary>A connection failure with no details.</summary>
    public RealtimeConnectionException()
        : this("The connection failed.")
    {
    }

    /// <summary>A connection failure with a message.</summary>
    public RealtimeConnectionException(string message)
        : this(message, false)
    {
    }

    /// <summary>A connection failure with its cause.</summary>
    public RealtimeConnectionException(string message, Exception innerException)
        : this(message, false, innerException)
    {
    }

    /// <summary>True when the client will not reconnect (disposed, or its credentials were refused).</summary>
    public bool IsFinal { get; }
}
