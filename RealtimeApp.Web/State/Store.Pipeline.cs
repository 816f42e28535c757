using RealtimeApp.Web.State.Registration;

namespace RealtimeApp.Web.State;

/// <summary>What happens to one action, and the effects that run after it.</summary>
internal sealed partial class Store
{
    private void Process(object action)
    {
        foreach (var middleware in _middlewares)
        {
            if (!middleware.MayDispatchAction(action))
            {
                return;
            }
        }

        foreach (var middleware in _middlewares)
        {
            middleware.BeforeDispatch(action);
        }

        var changed = new List<IFeature>();
        foreach (var feature in _features)
        {
            if (feature.ReduceState(action))
            {
                changed.Add(feature);
            }
        }

        foreach (var feature in changed)
        {
            feature.RaiseStateChanged();
        }

        foreach (var middleware in _middlewares)
        {
            middleware.AfterDispatch(action);
        }

        foreach (var effect in _effects)
        {
            if (effect.ShouldHandle(action))
            {
                Start(effect, action);
            }
        }
    }

    /// <summary>Starts an effect without awaiting it; a failure goes to <see cref="UnhandledException"/>.</summary>
    private void Start(IEffect effect, object action)
    {
        Task task;
        try
        {
            task = effect.HandleAsync(action, this);
        }
        catch (Exception exception)
        {
            task = Task.FromException(exception);
        }

        if (!task.IsCompletedSuccessfully)
        {
            _ = ObserveAsync(task, action);
        }
    }

    private async Task ObserveAsync(Task effect, object action)
    {
        try
        {
            await effect.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            LogEffectFailed(exception, action.GetType().Name);
            UnhandledException?.Invoke(this, new Exceptions.UnhandledExceptionEventArgs(exception));
        }
    }

    /// <summary>Builds this store's effect hosts from DI, one per class, and binds the effects to them.</summary>
    private void CreateEffects()
    {
        var hosts = _registrations.EffectHostFactories.ToDictionary(
            factory => factory.Key, factory => factory.Value(_services, null));
        _effectHosts = [.. hosts.Values];
        _effects = [.. _registrations.Effects.Select(effect =>
            effect.Create(effect.HostType is null ? null : hosts[effect.HostType]))];
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An effect failed while handling {ActionType}.")]
    private partial void LogEffectFailed(Exception exception, string actionType);
}
