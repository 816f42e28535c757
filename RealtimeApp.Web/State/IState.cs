namespace RealtimeApp.Web.State;

/// <summary>The current state of one feature in the circuit's store; inject it into components.</summary>
/// <typeparam name="TState">The feature's <see cref="FeatureStateAttribute">state record</see>.</typeparam>
public interface IState<TState> : IStateChangedNotifier
{
    /// <summary>The current state; safe to read from any thread.</summary>
    TState Value { get; }
}
