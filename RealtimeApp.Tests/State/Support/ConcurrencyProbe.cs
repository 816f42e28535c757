using RealtimeApp.Web.State;

namespace RealtimeApp.Tests.State.Support;

/// <summary>Records the most actions ever in the pipeline at once (the store promises one).</summary>
public sealed class ConcurrencyProbe : Middleware
{
    private int _active;
    private int _maximum;

    public int MaximumConcurrentActions => Volatile.Read(ref _maximum);

    public override void BeforeDispatch(object action)
    {
        var active = Interlocked.Increment(ref _active);
        int maximum;
        while (active > (maximum = Volatile.Read(ref _maximum)))
        {
            Interlocked.CompareExchange(ref _maximum, active, maximum);
        }
    }

    public override void AfterDispatch(object action) => Interlocked.Decrement(ref _active);
}
