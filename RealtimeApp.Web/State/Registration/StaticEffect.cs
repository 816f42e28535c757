using System.Reflection;

namespace RealtimeApp.Web.State.Registration;

/// <summary>A compiled static <c>[EffectMethod]</c>; it holds no state, so every store shares it.</summary>
internal sealed class StaticEffect<TAction> : IEffectRegistration, IEffect
{
    private readonly Func<TAction, IDispatcher, Task> _handle;

    public StaticEffect(MethodInfo method, bool takesAction)
    {
        if (takesAction)
        {
            _handle = method.CreateDelegate<Func<TAction, IDispatcher, Task>>();
        }
        else
        {
            var handle = method.CreateDelegate<Func<IDispatcher, Task>>();
            _handle = (_, dispatcher) => handle(dispatcher);
        }
    }

    public Type? HostType => null;

    public IEffect Create(object? host) => this;

    public bool ShouldHandle(object action) => action is TAction;

    public Task HandleAsync(object action, IDispatcher dispatcher) => _handle((TAction)action, dispatcher);
}
