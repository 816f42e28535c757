namespace RealtimeApp.Web.Realtime.Connections;

/// <summary>
/// Server keep-alive (§6): after <c>ping</c> with no inbound frame, <c>sendPing</c>; if still nothing arrives within
/// <c>pongWait</c>, <c>abort</c>. Every inbound frame (not only <c>PONG</c>) restarts the wait.
/// </summary>
/// <remarks>
/// Each connection waits a little less than <c>ping</c>, by up to a tenth (<paramref name="spread"/>, from 0 to 1, picked
/// at random per connection): connections opened together, as when every client reconnects after a restart, would
/// otherwise all ping in the same instant, every time, and that burst delays everything else on the server.
/// </remarks>
internal sealed class KeepAliveMonitor(TimeProvider time, TimeSpan ping, TimeSpan pongWait, double spread, Action sendPing, Action abort) : IDisposable
{
    internal const double MaxSpread = 0.1;

    private readonly TimeSpan _ping = ping - (ping * (MaxSpread * Math.Clamp(spread, 0, 1)));
    private readonly Lock _lock = new();
    private ITimer? _timer;
    private bool _awaitingPong;

    public void Start()
    {
        if (_ping > TimeSpan.Zero)
        {
            _timer = time.CreateTimer(_ => OnTimer(), null, _ping, Timeout.InfiniteTimeSpan);
        }
    }

    public void FrameReceived()
    {
        lock (_lock)
        {
            _awaitingPong = false;
            _timer?.Change(_ping, Timeout.InfiniteTimeSpan);
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
