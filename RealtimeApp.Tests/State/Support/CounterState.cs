using RealtimeApp.Web.State;

namespace RealtimeApp.Tests.State.Support;

[FeatureState]
public sealed record CounterState
{
    public int Count { get; init; }
}
