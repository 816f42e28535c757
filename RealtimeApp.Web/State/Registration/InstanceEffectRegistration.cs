using System.Reflection;

namespace RealtimeApp.Web.State.Registration;

/// <summary>A compiled instance <c>[EffectMethod]</c> (an open-instance delegate), bound to a host per store.</summary>
internal sealed class InstanceEffectRegistration<THost, TAction> : IEffectRegistration
    where THost : class
{
    private readonly Func<THost, TAction, IDispatcher, Task> _handle;

    public InstanceEffectRegistration(MethodInfo method, bool takesAction)
    {
        if (takesAction)
        {
            _handle = method.CreateDelegate<Func<THost, TAction, IDispatcher, Task>>();
        }
        else
        {
            var handle = method.CreateDelegate<Func<THost, IDispatcher, Task>>();
            _handle = (host, _, dispatcher) => handle(host, dispatcher);
        }
    }

    public Type? HostType => typeof(THost);

    public IEffect Create(object? host) => new BoundEffect(_handle, (THost)host!);

    private sealed class BoundEffect(Func<THost, TAction, IDispatcher, Task> handle, THost host) : IEffect
    {
        public bool ShouldHandle(object action) => action is TAction;

        public Task HandleAsync(object action, IDispatcher dispatcher) => handle(host, (TAction)action, dispatcher);
    }
}
