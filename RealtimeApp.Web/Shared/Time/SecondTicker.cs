namespace RealtimeApp.Web.Shared.Time;

/// <summary>Calls back once a second on the app's <see cref="TimeProvider"/> (fake in tests) until disposed: running durations tick.</summary>
public sealed class SecondTicker(TimeProvider time, Func<Task> tick) : IDisposable
{
    private readonly ITimer _timer = time.CreateTimer(state => _ = ((Func<Task>)state!)(), tick, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

    public void Dispose() => _timer.Dispose();
}
