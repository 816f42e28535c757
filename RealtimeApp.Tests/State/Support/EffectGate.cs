namespace RealtimeApp.Tests.State.Support;

/// <summary>Holds an effect until the test opens it.</summary>
public sealed class EffectGate
{
    public TaskCompletionSource Opened { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
