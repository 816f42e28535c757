using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RealtimeApp.Tests.Support;

/// <summary>
/// Records every log entry of a real host at every level, as a structured sink would see it: category, event id,
/// level, formatted message, the entry's own values and the values of every scope around it.
/// </summary>
public sealed class LogRecorder : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<RecordedLog> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    /// <summary>Every text a sink could write: messages, exceptions, entry values and scope values.</summary>
    public IEnumerable<string> AllTexts() => Entries.SelectMany(entry => entry.Texts());

    public void Dispose()
    {
    }

    private sealed class Logger(LogRecorder recorder, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => recorder._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scope = new List<KeyValuePair<string, object?>>();
            recorder._scopes.ForEachScope(
                static (value, list) =>
                {
                    if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        list.AddRange(pairs);
                    }
                    else if (value is not null)
                    {
                        list.Add(new("(scope)", value.ToString()));
                    }
                },
                scope);
            var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            recorder.Entries.Enqueue(new RecordedLog(category, eventId, logLevel, formatter(state, exception), exception?.ToString(), [.. values], scope));
        }
    }
}
