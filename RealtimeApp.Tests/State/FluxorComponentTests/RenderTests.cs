using Bunit;
using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Tests.State.Support;
using RealtimeApp.Web.State;

namespace RealtimeApp.Tests.State.FluxorComponentTests;

public sealed class RenderTests() : FluxorTestContext(options => options
    .ScanTypes(typeof(CounterState), typeof(ThrottledCounterState), typeof(CounterReducers)))
{
    [Fact]
    public async Task StateChanged_RerendersComponent_WhenAnInjectedStateChanges()
    {
        var cut = Render<CounterView>();
        await Store.InitializeAsync();

        Dispatcher.Dispatch(new Increment());

        cut.WaitForAssertion(() => cut.Markup.ShouldBe("Count: 1"));
        cut.Instance.RenderedCounts.ShouldBe([0, 1]);
    }

    [Fact]
    public async Task StateChanged_DoesNotRerender_WhenReducerReturnsSameInstance()
    {
        var cut = Render<CounterView>();
        await Store.InitializeAsync();

        Dispatcher.Dispatch(new Touch());
        Dispatcher.Dispatch(new Increment());

        cut.WaitForAssertion(() => cut.Instance.RenderedCounts.ShouldBe([0, 1]));
    }

    [Fact]
    public async Task StateChanged_RendersOnceAtOnceAndOnceDeferredWithLatestState_WhenChangesAreThrottled()
    {
        var cut = Render<CounterView>();
        await Store.InitializeAsync();

        for (var i = 0; i < 5; i++)
        {
            Dispatcher.Dispatch(new IncrementThrottled());
        }

        cut.WaitForAssertion(() => cut.Instance.RenderedThrottledCounts.ShouldBe([0, 1]));
        Time.Advance(TimeSpan.FromMilliseconds(100));
        cut.WaitForAssertion(() => cut.Instance.RenderedThrottledCounts.ShouldBe([0, 1, 5]));
        Time.Advance(TimeSpan.FromSeconds(1));
        cut.Instance.RenderedThrottledCounts.ShouldBe([0, 1, 5]);
    }

    [Fact]
    public async Task DisposeAsync_StopsRendering_WhenStateChangesAfterDisposal()
    {
        var cut = Render<CounterView>();
        var disposed = cut.Instance;
        await Store.InitializeAsync();
        Dispatcher.Dispatch(new Increment());
        cut.WaitForAssertion(() => disposed.RenderedCounts.ShouldBe([0, 1]));

        await DisposeComponentsAsync();
        var live = Render<CounterView>();
        Dispatcher.Dispatch(new Increment());

        // The live view subscribed after the disposed one, so its render proves any stray render would have run.
        live.WaitForAssertion(() => live.Instance.RenderedCounts.ShouldBe([1, 2]));
        disposed.RenderedCounts.ShouldBe([0, 1]);
    }

    [Fact]
    public async Task DisposeAsync_UnsubscribesFromEveryInjectedState_WhenComponentIsRemoved()
    {
        var counter = (Feature<CounterState>)Services.GetRequiredService<IState<CounterState>>();
        var throttled = (Feature<ThrottledCounterState>)Services.GetRequiredService<IState<ThrottledCounterState>>();
        Render<CounterView>();
        var subscribedWhileRendered = (counter.StateChangedSubscriberCount, throttled.StateChangedSubscriberCount);

        await DisposeComponentsAsync();

        subscribedWhileRendered.ShouldBe((1, 1));
        counter.StateChangedSubscriberCount.ShouldBe(0);
        throttled.StateChangedSubscriberCount.ShouldBe(0);
    }

    [Fact]
    public void Render_ThrowsAskingForBaseOnInitialized_WhenOverrideSkipsIt()
    {
        var render = () => Render<ForgetfulView>();

        var exception = render.ShouldThrow<InvalidOperationException>();
        exception.Message.ShouldContain("base.OnInitialized()");
    }
}
