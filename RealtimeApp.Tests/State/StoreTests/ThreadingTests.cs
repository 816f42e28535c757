using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Tests.State.Support;

namespace RealtimeApp.Tests.State.StoreTests;

public sealed class ThreadingTests
{
    [Fact]
    public async Task Dispatch_AppliesEveryAction_WhenTenThreadsDispatchAThousandEach()
    {
        using var store = new TestStore(options => options
            .ScanTypes(typeof(CounterState), typeof(ThrottledCounterState), typeof(CounterReducers))
            .AddMiddleware<ConcurrencyProbe>());
        await store.Store.InitializeAsync();
        var counter = store.Counter;
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        counter.StateChanged += (_, _) =>
        {
            if (counter.Value.Count == 10_000)
            {
                reached.TrySetResult();
            }
        };
        using var go = new ManualResetEventSlim();
        var threads = Enumerable.Range(0, 10).Select(_ => new Thread(() =>
        {
            go.Wait();
            for (var i = 0; i < 1_000; i++)
            {
                store.Dispatcher.Dispatch(new Increment());
            }
        })).ToList();

        threads.ForEach(thread => thread.Start());
        go.Set();
        threads.ForEach(thread => thread.Join(TaskTimeoutExtensions.Timeout).ShouldBeTrue());
        await reached.Task.WithTimeout();

        counter.Value.Count.ShouldBe(10_000);
        store.Services.GetRequiredService<ConcurrencyProbe>().MaximumConcurrentActions.ShouldBe(1);
    }

    [Fact]
    public async Task Dispatch_DoesNotDeadlock_WhenHandlerDispatchesFromAnotherThread()
    {
        using var store = await TestStore.StartedForCounterAsync();
        var counter = store.Counter;
        var reachedTwo = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        counter.StateChanged += (_, _) =>
        {
            if (counter.Value.Count == 1)
            {
                // Block this (draining) thread until another thread's dispatch returns.
                Task.Run(() => store.Dispatcher.Dispatch(new Increment())).Wait(TaskTimeoutExtensions.Timeout).ShouldBeTrue();
            }
            else if (counter.Value.Count == 2)
            {
                reachedTwo.TrySetResult();
            }
        };

        await Task.Run(() => store.Dispatcher.Dispatch(new Increment()), TestContext.Current.CancellationToken).WithTimeout();
        await reachedTwo.Task.WithTimeout();

        counter.Value.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Dispatch_OnlyEnqueues_WhenCalledReentrantlyFromStateChanged()
    {
        using var store = await TestStore.StartedForCounterAsync();
        var counter = store.Counter;
        var seenRightAfterDispatch = -1;
        counter.StateChanged += (_, _) =>
        {
            if (counter.Value.Count == 1)
            {
                store.Dispatcher.Dispatch(new IncrementBy(5));
                seenRightAfterDispatch = counter.Value.Count;
            }
        };

        store.Dispatcher.Dispatch(new Increment());

        seenRightAfterDispatch.ShouldBe(1);
        counter.Value.Count.ShouldBe(6);
    }
}
