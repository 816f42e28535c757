namespace RealtimeApp.Web.Realtime.Logging;

/// <summary>
/// Logs through <paramref name="inner"/>, with <see cref="QueryRedaction"/> applied to the message and to every string
/// value of the structured state, so neither a text sink nor a structured one sees a token from a URL.
/// </summary>
internal sealed class RedactingLogger(ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);

        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        var values = state as IReadOnlyList<KeyValuePair<string, object?>>;
        var message = formatter(state, exception);
        if (!QueryRedaction.Applies(message) && values?.Any(v => v.Value is string text && QueryRedaction.Applies(text)) != true)
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
            return;
        }

        var redactedMessage = QueryRedaction.Redact(message);
        IReadOnlyList<KeyValuePair<string, object?>> redacted = values?
            .Select(v => v.Value is string text ? new KeyValuePair<string, object?>(v.Key, QueryRedaction.Redact(text)) : v)
            .ToList() ?? [];
        inner.Log(logLevel, eventId, redacted, exception, (_, _) => redactedMessage);
    }
}
