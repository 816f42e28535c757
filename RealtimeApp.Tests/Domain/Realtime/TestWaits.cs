namespace RealtimeApp.Tests.Domain.Realtime;

/// <summary>Waits on conditions, never on the clock: a generous timeout only turns a hang into a failure.</summary>
internal static class TestWaits
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static Task WithTimeout(this Task task) => task.WaitAsync(Timeout, TestContext.Current.CancellationToken);

    public static Task<T> WithTimeout<T>(this Task<T> task) => task.WaitAsync(Timeout, TestContext.Current.CancellationToken);

    public static void WaitOrFail(this CountdownEvent countdown) =>
        countdown.Wait(Timeout, TestContext.Current.CancellationToken).ShouldBeTrue("timed out waiting for deliveries");
}
