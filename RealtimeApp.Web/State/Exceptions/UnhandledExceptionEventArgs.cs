namespace RealtimeApp.Web.State.Exceptions;

/// <summary>An exception thrown by an effect, which nobody awaits.</summary>
public sealed class UnhandledExceptionEventArgs(Exception exception) : EventArgs
{
    /// <summary>The exception the effect threw.</summary>
    public Exception Exception { get; } = exception;
}
