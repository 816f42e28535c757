namespace RealtimeApp.Tests.Support;

/// <summary>For handlers that must hang until they are cancelled (a stuck subscriber, a slow procedure).</summary>
public static class Blocking
{
    public static Task UntilCancelledAsync(CancellationToken cancellationToken) =>
        new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously).Task.WaitAsync(cancellationToken);
}
