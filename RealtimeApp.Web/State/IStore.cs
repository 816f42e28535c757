namespace RealtimeApp.Web.State;

/// <summary>The circuit's store: one queue of actions, the features' states, middleware and effects.</summary>
public interface IStore
{
    /// <summary>Completes when <see cref="InitializeAsync"/> has finished and the held actions have run.</summary>
    Task Initialized { get; }

    /// <summary>
    /// Raised when an effect fails. Effects are fire-and-forget, so this is where their exceptions go;
    /// they are also logged. May be raised on any thread.
    /// </summary>
    event EventHandler<Exceptions.UnhandledExceptionEventArgs>? UnhandledException;

    /// <summary>
    /// Initialises the middleware, creates the effects and then runs the actions held so far.
    /// Calling it again returns <see cref="Initialized"/>. <see cref="StoreInitializer"/> calls it once the
    /// circuit is interactive.
    /// </summary>
    Task InitializeAsync();
}
