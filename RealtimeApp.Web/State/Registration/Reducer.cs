using System.Reflection;

namespace RealtimeApp.Web.State.Registration;

/// <summary>A reducer bound to its feature's state type, so that dispatch needs no reflection.</summary>
internal interface IReducer<TState>
{
    /// <summary>The next state, or <paramref name="state"/> itself when the action is not for this reducer.</summary>
    TState Reduce(TState state, object action);
}

/// <summary>A compiled <c>[ReducerMethod]</c> for actions assignable to <typeparamref name="TAction"/>.</summary>
internal sealed class Reducer<TState, TAction> : IReducer<TState>
{
    private readonly Func<TState, TAction, TState> _reduce;

    public Reducer(MethodInfo method, bool takesAction)
    {
        if (takesAction)
        {
            _reduce = method.CreateDelegate<Func<TState, TAction, TState>>();
        }
        else
        {
            var reduce = method.CreateDelegate<Func<TState, TState>>();
            _reduce = (state, _) => reduce(state);
        }
    }

    public TState Reduce(TState state, object action) =>
        action is TAction typed ? _reduce(state, typed) : state;
}
