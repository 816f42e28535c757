namespace RealtimeApp.Web.State;

/// <summary>
/// Marks a static pure function that computes a feature's next state, in one of two forms:
/// <c>static TState Reduce(TState state, TAction action)</c>, or, with the action type given here,
/// <c>[ReducerMethod(typeof(TAction))] static TState Reduce(TState state)</c>.
/// Return the same instance to signal "no change".
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ReducerMethodAttribute : Attribute
{
    /// <summary>A reducer that takes the action as its second parameter.</summary>
    public ReducerMethodAttribute()
    {
    }

    /// <summary>A reducer for <paramref name="requiredActionType"/> that takes only the state.</summary>
    public ReducerMethodAttribute(Type requiredActionType) =>
        RequiredActionType = requiredActionType ?? throw new ArgumentNullException(nameof(requiredActionType));

    /// <summary>The action type, when the method does not take the action as a parameter.</summary>
    public Type? RequiredActionType { get; }
}
