namespace RealtimeApp.Web.Realtime.Connections;

/// <summary>
/// Server keep-alive (§6): after <c>ping</c> with no inbound frame, <c>sendPing</c>; if still nothing arrives within
/// <c>pongWait</c>, <c>abort</c>. Every inbound frame (not only <c>PONG</c>) restarts the wait.
/// </summary>
internal sealed class KeepAliveMonitor(TimeProvider time, TimeSpan ping, TimeSpan pongWait, Action sendPing, Action abort) : IDisposable
{
    private readonly Lock _lock = new();
    private ITimer? _timer;
    private bool _awaitingPong;

    public void Start()
    {
        if (ping > TimeSpan.Zero)
        {
            _timer = time.CreateTimer(_ => OnTimer(), null, ping, Timeout.InfiniteTimeSpan);
        }
    }

    public void FrameReceived()
    {
        lock (_lock)
        {
            _awaitingPong = false;
            _timer?.Change(ping, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    private void OnTimer()
    {
        lock (_lock)
        {
            if (_timer is null)
            {
                return;
            }

            if (_awaitingPong)
            {
                abort();
                return;
            }

            _awaitingPong = true;
            sendPing();
            _timer.Change(pongWait, Timeout.InfiniteTimeSpan);
        }
    }
}
