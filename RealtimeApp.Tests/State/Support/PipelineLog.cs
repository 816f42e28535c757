using System.Collections.Concurrent;

namespace RealtimeApp.Tests.State.Support;

/// <summary>What the middleware, effects and subscribers saw, in order (scoped: one per store).</summary>
public sealed class PipelineLog
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyList<string> Entries => [.. _entries];

    public void Add(string entry) => _entries.Enqueue(entry);
}
