namespace RealtimeApp.Web.Shared.Settings;

/// <summary>
/// A setting the node cannot start with; the message names the setting and what it expects. Program prints it as one
/// line and exits with a non-zero code instead of a stack trace.
/// </summary>
public sealed class InvalidSettingException : InvalidOperationException
{
    public InvalidSettingException(string message)
        : base(message)
    {
    }

    public InvalidSettingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InvalidSettingException()
    {
    }
}
