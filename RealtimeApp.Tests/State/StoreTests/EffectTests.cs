using RealtimeApp.Tests.State.Support;

namespace RealtimeApp.Tests.State.StoreTests;

public sealed class EffectTests
{
    [Fact]
    public async Task Dispatch_ReturnsWithoutAwaitingEffect_WhenEffectIsStillRunning()
    {
        using var store = await TestStore.StartedForCounterAsync();
        var incremented = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        store.Counter.StateChanged += (_, _) => incremented.TrySetResult();

        await Task.Run(() => store.Dispatcher.Dispatch(new WaitForGate()), TestContext.Current.CancellationToken).WithTimeout();
        var countWhileEffectWaits = store.Counter.Value.Count;
        store.Gate.Opened.SetResult();
        await incremented.Task.WithTimeout();

        countWhileEffectWaits.ShouldBe(0);
        store.Counter.Value.Count.ShouldBe(1);
    }
}
