namespace RealtimeApp.Web.State;

/// <summary>Sends actions to the circuit's store.</summary>
public interface IDispatcher
{
    /// <summary>
    /// Queues <paramref name="action"/> and, unless another dispatch is already draining the queue,
    /// runs it through the pipeline before returning. Safe to call from any thread and from reducers'
    /// subscribers or effects (the action then runs after the current one). Never waits for effects.
    /// Actions dispatched before <see cref="IStore.InitializeAsync"/> are held and run afterwards, in order;
    /// once the circuit's store is disposed they are ignored.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="action"/> is null.</exception>
    void Dispatch(object action);
}
