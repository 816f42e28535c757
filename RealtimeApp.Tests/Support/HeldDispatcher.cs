using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RealtimeApp.Web.State;

namespace RealtimeApp.Tests.Support;

/// <summary>
/// The circuit's dispatcher as its feeds see it, able to hold them: while held, a thread that dispatches a matching
/// action waits before the store gets it, as behind a slow render, so the feed that dispatches it falls behind.
/// </summary>
public sealed class HeldDispatcher(IStore store) : IDispatcher
{
    private static readonly TimeSpan LongestHold = TimeSpan.FromMinutes(2);

    private readonly ManualResetEventSlim _released = new(initialState: true);
    private Func<object, bool> _matches = _ => false;
    private int _waiting;

    /// <summary>Threads waiting now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Replaces the circuit's <see cref="IDispatcher"/> (after <c>AddFluxor</c>).</summary>
    public static void AddTo(IServiceCollection services)
    {
        services.AddScoped<HeldDispatcher>();
        services.Replace(ServiceDescriptor.Scoped<IDispatcher>(provider => provider.GetRequiredService<HeldDispatcher>()));
    }

    public void Hold(Func<object, bool> matches)
    {
        _matches = matches;
        _released.Reset();
    }

    public void Release() => _released.Set();

    public void Dispatch(object action)
    {
        if (!_released.IsSet && _matches(action))
        {
            Interlocked.Increment(ref _waiting);
            try
            {
                _released.Wait(LongestHold);
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }

        ((IDispatcher)store).Dispatch(action);
    }
}
