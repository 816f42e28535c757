namespace RealtimeApp.Web.State;

/// <summary>A base for <see cref="IMiddleware"/> whose hooks do nothing; override the ones you need.</summary>
public abstract class Middleware : IMiddleware
{
    /// <inheritdoc />
    public virtual Task InitializeAsync(IDispatcher dispatcher, IStore store) => Task.CompletedTask;

    /// <inheritdoc />
    public virtual bool MayDispatchAction(object action) => true;

    /// <inheritdoc />
    public virtual void BeforeDispatch(object action)
    {
    }

    /// <inheritdoc />
    public virtual void AfterDispatch(object action)
    {
    }
}
