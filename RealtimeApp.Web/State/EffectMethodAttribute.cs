namespace RealtimeApp.Web.State;

/// <summary>
/// Marks a method that reacts to an action after the reducers ran, in one of two forms:
/// <c>Task HandleAsync(TAction action, IDispatcher dispatcher)</c>, or, with the action type given here,
/// <c>[EffectMethod(typeof(TAction))] Task HandleAsync(IDispatcher dispatcher)</c>.
/// The method may be static, or an instance method of a class the store constructs from DI once per store.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class EffectMethodAttribute : Attribute
{
    /// <summary>An effect that takes the action as its first parameter.</summary>
    public EffectMethodAttribute()
    {
    }

    /// <summary>An effect for <paramref name="requiredActionType"/> that takes only the dispatcher.</summary>
    public EffectMethodAttribute(Type requiredActionType) =>
        RequiredActionType = requiredActionType ?? throw new ArgumentNullException(nameof(requiredActionType));

    /// <summary>The action type, when the method does not take the action as a parameter.</summary>
    public Type? RequiredActionType { get; }
}
