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

        // A structured entry's message is made from its values: only when one of them holds a token is it formatted here.
        var values = state as IReadOnlyList<KeyValuePair<string, object?>>;
        var needsRedaction = values is not null
            ? values.Any(v => v.Value is string text && QueryRedaction.Applies(text))
            : QueryRedaction.Applies(formatter(state, exception));
        if (!needsRedaction)
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
            return;
        }

        var redactedMessage = QueryRedaction.Redact(formatter(state, exception));
        IReadOnlyList<KeyValuePair<string, object?>> redacted = values?
            .Select(v => v.Value is string text ? new KeyValuePair<string, object?>(v.Key, QueryRedaction.Redact(text)) : v)
            .ToList() ?? [];
        inner.Log(logLevel, eventId, redacted, exception, (_, _) => redactedMessage);
    }
}
