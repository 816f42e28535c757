namespace RealtimeApp.Domain.Realtime;

/// <summary>An asynchronous subscription with <see cref="OverflowPolicy.Fault"/> fell too far behind.</summary>
public sealed class EventSubscriptionOverflowException : Exception
{
    public EventSubscriptionOverflowException()
        : base("The subscription's event queue overflowed; the subscriber must resync.")
    {
    }

    public EventSubscriptionOverflowException(string message)
        : base(message)
    {
    }

    public EventSubscriptionOverflowException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
