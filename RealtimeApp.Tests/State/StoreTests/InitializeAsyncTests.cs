using RealtimeApp.Tests.State.Support;

namespace RealtimeApp.Tests.State.StoreTests;

public sealed class InitializeAsyncTests
{
    [Fact]
    public void Dispatch_HoldsActions_WhenStoreIsNotInitialized()
    {
        using var store = TestStore.ForCounter();

        store.Dispatcher.Dispatch(new Increment());
        store.Dispatcher.Dispatch(new IncrementBy(10));

        store.Counter.Value.Count.ShouldBe(0);
        store.Log.Entries.ShouldBeEmpty();
        store.Store.Initialized.IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task InitializeAsync_AppliesHeldActionsInOrder_WhenActionsWereDispatchedBefore()
    {
        using var store = TestStore.ForCounter();
        var seen = new List<int>();
        store.Counter.StateChanged += (_, _) => seen.Add(store.Counter.Value.Count);
        store.Dispatcher.Dispatch(new Increment());
        store.Dispatcher.Dispatch(new IncrementBy(10));

        await store.Store.InitializeAsync();

        seen.ShouldBe([1, 11]);
        store.Store.Initialized.IsCompletedSuccessfully.ShouldBeTrue();
        store.Log.Entries.ShouldBe([
            "initialize",
            "before:Increment", "after:Increment", "effect:Increment:1",
            "before:IncrementBy", "after:IncrementBy",
        ]);
    }

    [Fact]
    public async Task InitializeAsync_InitializesOnce_WhenCalledTwice()
    {
        using var store = TestStore.ForCounter();

        await store.Store.InitializeAsync();
        await store.Store.InitializeAsync();

        store.Log.Entries.ShouldBe(["initialize"]);
    }
}
