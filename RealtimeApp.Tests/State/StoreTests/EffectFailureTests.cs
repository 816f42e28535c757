using RealtimeApp.Tests.State.Support;

namespace RealtimeApp.Tests.State.StoreTests;

public sealed class EffectFailureTests
{
    [Fact]
    public async Task Dispatch_RaisesUnhandledExceptionAndRunsOtherEffects_WhenEffectsThrow()
    {
        using var store = await TestStore.StartedForCounterAsync();
        var messages = new List<string>();
        var bothReported = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        store.Store.UnhandledException += (_, e) =>
        {
            lock (messages)
            {
                messages.Add(e.Exception.Message);
                if (messages.Count == 2)
                {
                    bothReported.TrySetResult();
                }
            }
        };

        store.Dispatcher.Dispatch(new Explode());
        await bothReported.Task.WithTimeout();

        messages.ShouldBe(["thrown at once", "thrown later"], ignoreOrder: true);
        store.Log.Entries.ShouldContain("effect:survivor");
    }
}
