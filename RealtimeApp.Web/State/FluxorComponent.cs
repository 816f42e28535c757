using Microsoft.AspNetCore.Components;

namespace RealtimeApp.Web.State;

/// <summary>
/// A component that re-renders when any <see cref="IState{TState}"/> it injects changes, through
/// <c>InvokeAsync(StateHasChanged)</c> and throttled per feature. It subscribes in <see cref="OnInitialized"/>
/// (an override must call <c>base.OnInitialized()</c>, or rendering fails) and unsubscribes when disposed.
/// </summary>
public abstract class FluxorComponent : ComponentBase, IAsyncDisposable
{
    private StateSubscriptions? _subscriptions;

    [Inject]
    private TimeProvider TimeProvider { get; set; } = default!;

    /// <inheritdoc />
    public override Task SetParametersAsync(ParameterView parameters)
    {
        var setParameters = base.SetParametersAsync(parameters);
        return StateSubscriptions.EnsureSubscribed(this, setParameters, _subscriptions);
    }

    /// <summary>Unsubscribes from the injected states.</summary>
    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Subscribes to every injected <see cref="IState{TState}"/>.</summary>
    protected override void OnInitialized()
    {
        base.OnInitialized();
        _subscriptions ??= StateSubscriptions.Subscribe(
            this, TimeProvider, () => InvokeAsync(StateHasChanged), DispatchExceptionAsync);
    }

    /// <summary>Releases the subscriptions; override to release more, and call the base.</summary>
    protected virtual ValueTask DisposeAsyncCore(bool disposing)
    {
        if (disposing)
        {
            _subscriptions?.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}
