using Microsoft.Extensions.Time.Testing;
using RealtimeApp.Web.State;

namespace RealtimeApp.Tests.State.StateChangeThrottleTests;

public sealed class NotifyTests
{
    private readonly FakeTimeProvider _time = new();
    private int _notifications;

    [Fact]
    public void Notify_PassesEveryNotificationOn_WhenThereIsNoLimit()
    {
        using var throttle = new StateChangeThrottle(() => _notifications++, _time, maximumNotificationsPerSecond: 0);

        throttle.Notify();
        throttle.Notify();
        throttle.Notify();

        _notifications.ShouldBe(3);
    }

    [Fact]
    public void Notify_SendsOneAtOnceAndOneDeferred_WhenCalledRepeatedlyWithinTheWindow()
    {
        using var throttle = new StateChangeThrottle(() => _notifications++, _time, maximumNotificationsPerSecond: 10);

        for (var i = 0; i < 5; i++)
        {
            throttle.Notify();
        }

        _notifications.ShouldBe(1);
        _time.Advance(TimeSpan.FromMilliseconds(99));
        _notifications.ShouldBe(1);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        _notifications.ShouldBe(2);
        _time.Advance(TimeSpan.FromSeconds(1));
        _notifications.ShouldBe(2);
    }

    [Fact]
    public void Notify_NotifiesAtOnce_WhenTheWindowHasPassed()
    {
        using var throttle = new StateChangeThrottle(() => _notifications++, _time, maximumNotificationsPerSecond: 10);
        throttle.Notify();
        _time.Advance(TimeSpan.FromMilliseconds(100));

        throttle.Notify();

        _notifications.ShouldBe(2);
    }

    [Fact]
    public void Dispose_DropsTheDeferredNotification_WhenOneIsPending()
    {
        var throttle = new StateChangeThrottle(() => _notifications++, _time, maximumNotificationsPerSecond: 10);
        throttle.Notify();
        throttle.Notify();

        throttle.Dispose();
        _time.Advance(TimeSpan.FromSeconds(1));

        _notifications.ShouldBe(1);
    }
}
