using Bunit;
using RealtimeApp.Tests.State.Support;

namespace RealtimeApp.Tests.State.FluxorLayoutTests;

public sealed class RenderTests() : FluxorTestContext(options => options
    .ScanTypes(typeof(CounterState), typeof(ThrottledCounterState), typeof(CounterReducers)))
{
    [Fact]
    public async Task StateChanged_RerendersLayout_WhenAnInjectedStateChanges()
    {
        var cut = Render<CounterLayout>(parameters => parameters.Add(layout => layout.Body, "page"));
        await Store.InitializeAsync();

        Dispatcher.Dispatch(new IncrementBy(7));

        cut.WaitForAssertion(() => cut.Markup.ShouldBe("Count: 7 | page"));
    }
}
