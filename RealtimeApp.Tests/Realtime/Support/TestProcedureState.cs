using System.Collections.Concurrent;

namespace RealtimeApp.Tests.Realtime.Support;

/// <summary>What the test procedures share with the tests: gates to release, counters and cleanup records.</summary>
public sealed class TestProcedureState
{
    private int _counter;

    public TaskCompletionSource SlowGate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once a <c>slow</c> query is running (waiting at <see cref="SlowGate"/>).</summary>
    public TaskCompletionSource SlowStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<string> CleanedUp { get; } = new();

    public int Counter => Volatile.Read(ref _counter);

    public int Increment() => Interlocked.Increment(ref _counter);
}
