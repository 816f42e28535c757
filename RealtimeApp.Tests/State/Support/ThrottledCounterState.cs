using RealtimeApp.Web.State;

namespace RealtimeApp.Tests.State.Support;

/// <summary>A counter whose components re-render at most 10 times a second (a 100 ms window).</summary>
[FeatureState(MaximumStateChangedNotificationsPerSecond = 10)]
public sealed record ThrottledCounterState
{
    public int Count { get; init; }
}
