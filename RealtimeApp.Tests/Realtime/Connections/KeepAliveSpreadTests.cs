using Microsoft.Extensions.Time.Testing;
using RealtimeApp.Web.Realtime.Connections;

namespace RealtimeApp.Tests.Realtime.Connections;

public sealed class KeepAliveSpreadTests
{
    private static readonly TimeSpan Ping = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PongWait = TimeSpan.FromSeconds(5);

    [Fact]
    public void ConnectionsOpenedTogether_PingAtTheirOwnTimes_WithinTheLastTenthOfTheInterval()
    {
        var time = new FakeTimeProvider();
        var pingedAt = new List<TimeSpan>();
        var start = time.GetUtcNow();
        var monitors = new[] { 0.0, 0.25, 0.5, 1.0 }
            .Select(spread => new KeepAliveMonitor(time, Ping, PongWait, spread, () => pingedAt.Add(time.GetUtcNow() - start), () => { }))
            .ToList();
        monitors.ForEach(monitor => monitor.Start());

        for (var elapsed = TimeSpan.Zero; elapsed < Ping; elapsed += TimeSpan.FromMilliseconds(250))
        {
            time.Advance(TimeSpan.FromMilliseconds(250));
        }

        pingedAt.ShouldBe([TimeSpan.FromSeconds(27), TimeSpan.FromSeconds(28.5), TimeSpan.FromSeconds(29.25), TimeSpan.FromSeconds(30)]);
        monitors.ForEach(monitor => monitor.Dispose());
    }

    [Fact]
    public void Connection_KeepsItsOwnInterval_AfterEveryInboundFrame()
    {
        var time = new FakeTimeProvider();
        var pings = 0;
        using var monitor = new KeepAliveMonitor(time, Ping, PongWait, spread: 1.0, () => pings++, () => { });
        monitor.Start();

        time.Advance(TimeSpan.FromSeconds(20));
        monitor.FrameReceived();
        time.Advance(TimeSpan.FromSeconds(26.9));
        var beforeItsInterval = pings;
        time.Advance(TimeSpan.FromSeconds(0.1));

        beforeItsInterval.ShouldBe(0);
        pings.ShouldBe(1);
    }
}
