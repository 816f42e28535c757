namespace RealtimeApp.Tests.State.Support;

public static class TaskTimeoutExtensions
{
    /// <summary>The longest a test waits for a condition; a wait that long means the store deadlocked or lost work.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Waits for <paramref name="task"/>, failing with a <see cref="TimeoutException"/> after <see cref="Timeout"/>.</summary>
    public static Task WithTimeout(this Task task) => task.WaitAsync(Timeout, TestContext.Current.CancellationToken);
}
