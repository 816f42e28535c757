using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace RealtimeApp.Web.State;

/// <summary>
/// A component's subscriptions to the <see cref="IState{TState}"/>s it injects, each throttled to its feature's
/// <see cref="FeatureStateAttribute.MaximumStateChangedNotificationsPerSecond"/>. The injected properties are
/// found once per component type.
/// </summary>
internal sealed class StateSubscriptions : IDisposable
{
    private const BindingFlags DeclaredProperties =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    private static readonly ConcurrentDictionary<Type, Func<object, IStateChangedNotifier?>[]> StateGettersByType = new();

    private readonly List<(IStateChangedNotifier Notifier, EventHandler Handler, StateChangeThrottle Throttle)> _subscriptions = [];
    private readonly Func<Task> _render;
    private readonly Func<Exception, Task> _reportException;
    private volatile bool _disposed;

    private StateSubscriptions(Func<Task> render, Func<Exception, Task> reportException)
    {
        _render = render;
        _reportException = reportException;
    }

    /// <summary>
    /// Subscribes <paramref name="component"/>: <paramref name="render"/> is its <c>() =&gt; InvokeAsync(StateHasChanged)</c>
    /// and <paramref name="reportException"/> its <c>DispatchExceptionAsync</c>.
    /// </summary>
    public static StateSubscriptions Subscribe(
        object component, TimeProvider time, Func<Task> render, Func<Exception, Task> reportException)
    {
        var subscriptions = new StateSubscriptions(render, reportException);
        var getters = StateGettersByType.GetOrAdd(component.GetType(), FindStateGetters);
        foreach (var notifier in getters.Select(getter => getter(component)).OfType<IStateChangedNotifier>().Distinct())
        {
            var limit = (notifier as IFeature)?.MaximumStateChangedNotificationsPerSecond ?? 0;
            var throttle = new StateChangeThrottle(subscriptions.RequestRender, time, limit);
            EventHandler handler = (_, _) => throttle.Notify();
            notifier.StateChanged += handler;
            subscriptions._subscriptions.Add((notifier, handler, throttle));
        }

        return subscriptions;
    }

    /// <summary>Fails loudly when a derived component's <c>OnInitialized</c> did not call the base one.</summary>
    public static Task EnsureSubscribed(object component, Task setParameters, StateSubscriptions? subscriptions) =>
        subscriptions is not null || setParameters.IsFaulted
            ? setParameters
            : throw new InvalidOperationException(
                $"{component.GetType().Name} has not subscribed to its state: call base.OnInitialized() "
                + "from its OnInitialized override.");

    public void Dispose()
    {
        _disposed = true;
        foreach (var (notifier, handler, throttle) in _subscriptions)
        {
            notifier.StateChanged -= handler;
            throttle.Dispose();
        }
    }

    private static Func<object, IStateChangedNotifier?>[] FindStateGetters(Type componentType)
    {
        var properties = new List<PropertyInfo>();
        for (var type = componentType; type is not null; type = type.BaseType)
        {
            properties.AddRange(type.GetProperties(DeclaredProperties).Where(property =>
                property.IsDefined(typeof(InjectAttribute))
                && property.PropertyType.IsGenericType
                && property.PropertyType.GetGenericTypeDefinition() == typeof(IState<>)));
        }

        return [.. properties.Select(CompileGetter)];
    }

    private static Func<object, IStateChangedNotifier?> CompileGetter(PropertyInfo property)
    {
        var component = Expression.Parameter(typeof(object), "component");
        var value = Expression.Property(Expression.Convert(component, property.DeclaringType!), property);
        return Expression.Lambda<Func<object, IStateChangedNotifier?>>(
            Expression.Convert(value, typeof(IStateChangedNotifier)), component).Compile();
    }

    private void RequestRender()
    {
        if (!_disposed)
        {
            _ = RenderAsync();
        }
    }

    private async Task RenderAsync()
    {
        try
        {
            await _render();
        }
        catch (Exception exception) when (!_disposed)
        {
            await _reportException(exception);
        }
    }
}
