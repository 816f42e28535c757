using RealtimeApp.Web.State.Registration;

namespace RealtimeApp.Web.State;

/// <summary>One feature's state in one store; it is also what components get as <see cref="IState{TState}"/>.</summary>
internal sealed class Feature<TState>(
    string name, byte maximumStateChangedNotificationsPerSecond, TState initialState, IReducer<TState>[] reducers)
    : IFeature, IState<TState>
    where TState : class
{
    // Written only by the store's single drainer, read from any thread.
    private volatile TState _state = initialState;

    public event EventHandler? StateChanged;

    public string Name { get; } = name;

    public byte MaximumStateChangedNotificationsPerSecond { get; } = maximumStateChangedNotificationsPerSecond;

    public TState Value => _state;

    /// <summary>How many handlers are attached; lets tests prove that components unsubscribe.</summary>
    internal int StateChangedSubscriberCount => StateChanged?.GetInvocationList().Length ?? 0;

    public bool ReduceState(object action)
    {
        var previous = _state;
        var next = previous;
        foreach (var reducer in reducers)
        {
            next = reducer.Reduce(next, action);
        }

        if (ReferenceEquals(next, previous))
        {
            return false;
        }

        _state = next ?? throw new InvalidOperationException(
            $"A reducer of feature '{Name}' returned null for {action.GetType().Name}.");
        return true;
    }

    public void RaiseStateChanged() => StateChanged?.Invoke(this, EventArgs.Empty);
}
