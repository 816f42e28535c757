using RealtimeApp.Tests.State.Support;

namespace RealtimeApp.Tests.State.StoreTests;

public sealed class DispatchTests
{
    [Fact]
    public async Task Dispatch_Throws_WhenActionIsNull()
    {
        using var store = await TestStore.StartedForCounterAsync();

        var dispatch = () => store.Dispatcher.Dispatch(null!);

        dispatch.ShouldThrow<ArgumentNullException>();
    }

    [Fact]
    public async Task Dispatch_RunsMiddlewareReducersThenEffects_WhenStoreIsInitialized()
    {
        using var store = await TestStore.StartedForCounterAsync();
        store.Counter.StateChanged += (_, _) => store.Log.Add($"changed:{store.Counter.Value.Count}");

        store.Dispatcher.Dispatch(new Increment());

        store.Counter.Value.Count.ShouldBe(1);
        store.Log.Entries.ShouldBe(["initialize", "before:Increment", "changed:1", "after:Increment", "effect:Increment:1"]);
    }

    [Fact]
    public async Task Dispatch_ChainsReducersInRegistrationOrder_WhenSeveralHandleTheAction()
    {
        using var store = await TestStore.StartedForCounterAsync();

        store.Dispatcher.Dispatch(new AddOneThenTimesTen());

        store.Counter.Value.Count.ShouldBe(10);
    }

    [Fact]
    public async Task Dispatch_DoesNotRaiseStateChanged_WhenReducerReturnsSameInstance()
    {
        using var store = await TestStore.StartedForCounterAsync();
        var before = store.Counter.Value;
        var notifications = 0;
        store.Counter.StateChanged += (_, _) => notifications++;

        store.Dispatcher.Dispatch(new Touch());

        notifications.ShouldBe(0);
        store.Counter.Value.ShouldBeSameAs(before);
    }

    [Fact]
    public async Task Dispatch_RunsEffectsActionAfterCurrentAction_WhenEffectDispatches()
    {
        using var store = await TestStore.StartedForCounterAsync();

        store.Dispatcher.Dispatch(new IncrementAndFollowUp());

        store.Counter.Value.Count.ShouldBe(101);
        store.Log.Entries.ShouldBe([
            "initialize",
            "before:IncrementAndFollowUp",
            "after:IncrementAndFollowUp",
            "effect:FollowUp dispatched, count still 1",
            "before:IncrementBy",
            "after:IncrementBy",
        ]);
    }

    [Fact]
    public async Task Dispatch_SkipsReducersHooksAndEffects_WhenMiddlewareVetoes()
    {
        using var store = await TestStore.StartedForCounterAsync();

        store.Dispatcher.Dispatch(new Forbidden());

        store.Counter.Value.Count.ShouldBe(0);
        store.Log.Entries.ShouldBe(["initialize"]);
    }
}
