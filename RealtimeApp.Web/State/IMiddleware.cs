namespace RealtimeApp.Web.State;

/// <summary>
/// Sees every action the store processes (logging, diagnostics, guards). Register it with
/// <see cref="FluxorOptions.AddMiddleware{TMiddleware}"/>; it is scoped like the store and runs on the
/// store's single drainer, so it needs no locking of its own. The store builds its middleware, so take the
/// dispatcher and store from <see cref="InitializeAsync"/>, not from the constructor.
/// </summary>
public interface IMiddleware
{
    /// <summary>Called once by <see cref="IStore.InitializeAsync"/>, before any action runs.</summary>
    Task InitializeAsync(IDispatcher dispatcher, IStore store);

    /// <summary>Returns false to drop <paramref name="action"/>: no reducer, middleware hook or effect sees it.</summary>
    bool MayDispatchAction(object action);

    /// <summary>Called before the reducers run.</summary>
    void BeforeDispatch(object action);

    /// <summary>Called after the reducers ran and before the effects start.</summary>
    void AfterDispatch(object action);
}
