using RealtimeApp.Web.State;

namespace RealtimeApp.Tests.State.Support;

/// <summary>Static effects that fail on <see cref="Explode"/>: one before returning its task, one after an await.</summary>
public static class ThrowingEffects
{
    [EffectMethod(typeof(Explode))]
    public static Task ThrowAtOnceAsync(IDispatcher dispatcher) =>
        throw new InvalidOperationException("thrown at once");

    [EffectMethod]
    public static async Task ThrowLaterAsync(Explode action, IDispatcher dispatcher)
    {
        await Task.Yield();
        throw new InvalidOperationException("thrown later");
    }
}
