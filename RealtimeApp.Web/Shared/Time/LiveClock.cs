namespace RealtimeApp.Web.Shared.Time;

/// <summary>One timer per page that asks it to re-render every second, so relative times tick without a timer per card.</summary>
public sealed class LiveClock(TimeProvider time) : IDisposable
{
    private ITimer? _timer;

    public DateTimeOffset Now => time.GetUtcNow();

    public void Start(Func<Task> tick)
    {
        _timer ??= time.CreateTimer(_ => _ = tick(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    public void Dispose() => _timer?.Dispose();
}
