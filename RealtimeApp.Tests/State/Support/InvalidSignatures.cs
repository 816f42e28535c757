using RealtimeApp.Web.State;

namespace RealtimeApp.Tests.State.Support;

// Never scanned by the other tests: each class holds one wrongly declared method.
#pragma warning disable CA1822, IDE0060 // the signatures are the point

public sealed class InstanceReducer
{
    [ReducerMethod]
    public CounterState ReduceOnInstance(CounterState state, Increment action) => state;
}

public static class ReducerReturningAnotherType
{
    [ReducerMethod]
    public static int ReduceToInt(CounterState state, Increment action) => state.Count;
}

public static class ReducerWithoutAction
{
    [ReducerMethod]
    public static CounterState ReduceWithoutAction(CounterState state) => state;
}

public static class ReducerOfUnknownState
{
    [ReducerMethod]
    public static string ReduceString(string state, Increment action) => state;
}

public static class EffectReturningVoid
{
    [EffectMethod]
    public static void HandleWithoutTask(Increment action, IDispatcher dispatcher)
    {
    }
}

public static class EffectWithoutDispatcher
{
    [EffectMethod]
    public static Task HandleWithoutDispatcher(Increment action) => Task.CompletedTask;
}

public static class EffectWithActionTwice
{
    [EffectMethod(typeof(Increment))]
    public static Task HandleActionTwice(Increment action, IDispatcher dispatcher) => Task.CompletedTask;
}
