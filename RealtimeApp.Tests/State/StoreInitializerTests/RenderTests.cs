using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Tests.State.Support;
using RealtimeApp.Web.State;

namespace RealtimeApp.Tests.State.StoreInitializerTests;

public sealed class RenderTests() : FluxorTestContext(
    options => options.ScanTypes(typeof(CounterState), typeof(ThrottledCounterState), typeof(CounterReducers), typeof(ThrowingEffects)),
    services => services.AddScoped<IStoreErrorPresenter, RecordingErrorPresenter>())
{
    [Fact]
    public async Task Render_InitializesStoreAndAppliesHeldActions_WhenFirstRenderedInteractively()
    {
        Dispatcher.Dispatch(new Increment());
        var heldCount = StateOf<CounterState>().Count;

        Render<StoreInitializer>();
        await Store.Initialized.WithTimeout();

        heldCount.ShouldBe(0);
        StateOf<CounterState>().Count.ShouldBe(1);
    }

    [Fact]
    public async Task UnhandledException_IsPresentedToTheUser_WhenAnEffectFails()
    {
        var presenter = (RecordingErrorPresenter)Services.GetRequiredService<IStoreErrorPresenter>();
        Render<StoreInitializer>();
        await Store.Initialized.WithTimeout();

        Dispatcher.Dispatch(new Explode());
        await presenter.Shown.WithTimeout();

        (await presenter.Shown).ShouldBeOfType<InvalidOperationException>();
    }
}
