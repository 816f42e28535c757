namespace RealtimeApp.Web.State;

/// <summary>
/// Passes notifications on at most once per window: the first at once, later ones in the same window
/// collapse into a single deferred notification at the window's end (which then reads the latest state).
/// </summary>
internal sealed class StateChangeThrottle : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Action _notify;
    private readonly TimeProvider _time;
    private readonly TimeSpan _window;
    private long? _lastNotified;
    private ITimer? _deferred;
    private bool _disposed;

    public StateChangeThrottle(Action notify, TimeProvider time, byte maximumNotificationsPerSecond)
    {
        _notify = notify;
        _time = time;
        _window = maximumNotificationsPerSecond == 0
            ? TimeSpan.Zero
            : TimeSpan.FromSeconds(1.0 / maximumNotificationsPerSecond);
    }

    public void Notify()
    {
        lock (_lock)
        {
            if (_disposed || _deferred is not null)
            {
                return;
            }

            var now = _time.GetTimestamp();
            if (_lastNotified is { } last && _time.GetElapsedTime(last, now) is var elapsed && elapsed < _window)
            {
                _deferred = _time.CreateTimer(_ => NotifyDeferred(), null, _window - elapsed, Timeout.InfiniteTimeSpan);
                return;
            }

            _lastNotified = now;
        }

        _notify();
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _deferred?.Dispose();
            _deferred = null;
        }
    }

    private void NotifyDeferred()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _deferred?.Dispose();
            _deferred = null;
            _lastNotified = _time.GetTimestamp();
        }

        _notify();
    }
}
