namespace RealtimeApp.Web.Realtime.Logging;

/// <summary>
/// The app's logger factory, with <see cref="RedactingLogger"/> around ASP.NET Core's own loggers: its "Request
/// starting" line, HTTP logging and Kestrel's bad-request lines include the query string, where EventSource clients
/// must put their token (<c>?connectionParams=</c>).
/// </summary>
internal sealed class RedactingLoggerFactory(LoggerFactory inner) : ILoggerFactory
{
    private const string FrameworkCategories = "Microsoft.AspNetCore";

    public ILogger CreateLogger(string categoryName)
    {
        var logger = inner.CreateLogger(categoryName);
        return categoryName.StartsWith(FrameworkCategories, StringComparison.Ordinal) ? new RedactingLogger(logger) : logger;
    }

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose()
    {
        // The container disposes the LoggerFactory it created.
    }
}
