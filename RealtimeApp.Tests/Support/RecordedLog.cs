using Microsoft.Extensions.Logging;

namespace RealtimeApp.Tests.Support;

/// <summary>One entry seen by <see cref="LogRecorder"/>.</summary>
public sealed record RecordedLog(
    string Category,
    EventId EventId,
    LogLevel Level,
    string Message,
    string? Exception,
    IReadOnlyList<KeyValuePair<string, object?>> Values,
    IReadOnlyList<KeyValuePair<string, object?>> Scope)
{
    /// <summary>The innermost scope value named <paramref name="key"/>, as text.</summary>
    public string? ScopeValue(string key) => Scope.LastOrDefault(pair => pair.Key == key).Value?.ToString();

    public IEnumerable<string> Texts() =>
        new[] { Message, Exception ?? "" }
            .Concat(Values.Select(pair => $"{pair.Key}={pair.Value}"))
            .Concat(Scope.Select(pair => $"{pair.Key}={pair.Value}"));

    public override string ToString() => $"{Level} {Category}[{EventId.Id}] {Message} => {string.Join(", ", Scope.Select(pair => $"{pair.Key}:{pair.Value}"))}";
}
