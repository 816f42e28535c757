using RealtimeApp.Web.State;

namespace RealtimeApp.Tests.State.Support;

public static class CounterReducers
{
    [ReducerMethod(typeof(Increment))]
    public static CounterState OnIncrement(CounterState state) => state with { Count = state.Count + 1 };

    [ReducerMethod]
    public static CounterState OnIncrementBy(CounterState state, IncrementBy action) =>
        state with { Count = state.Count + action.Amount };

    [ReducerMethod(typeof(Touch))]
    public static CounterState OnTouch(CounterState state) => state;

    [ReducerMethod(typeof(AddOneThenTimesTen))]
    public static CounterState AddOne(CounterState state) => state with { Count = state.Count + 1 };

    [ReducerMethod(typeof(AddOneThenTimesTen))]
    public static CounterState TimesTen(CounterState state) => state with { Count = state.Count * 10 };

    [ReducerMethod(typeof(IncrementAndFollowUp))]
    public static CounterState OnIncrementAndFollowUp(CounterState state) => state with { Count = state.Count + 1 };

    [ReducerMethod(typeof(Forbidden))]
    public static CounterState OnForbidden(CounterState state) => state with { Count = -1 };

    [ReducerMethod(typeof(IncrementThrottled))]
    public static ThrottledCounterState OnIncrementThrottled(ThrottledCounterState state) =>
        state with { Count = state.Count + 1 };
}
