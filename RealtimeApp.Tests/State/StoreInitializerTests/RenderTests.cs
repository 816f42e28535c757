using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using RealtimeApp.Tests.State.Support;
using RealtimeApp.Web.State;

namespace RealtimeApp.Tests.State.StoreInitializerTests;

public sealed class RenderTests() : FluxorTestContext(options => options
    .ScanTypes(typeof(CounterState), typeof(ThrottledCounterState), typeof(CounterReducers), typeof(ThrowingEffects)))
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
    public async Task UnhandledException_ShowsAnErrorSnackbar_WhenAnEffectFails()
    {
        var snackbar = Services.GetRequiredService<ISnackbar>();
        var shown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        snackbar.OnSnackbarsUpdated += () => shown.TrySetResult();
        Render<StoreInitializer>();
        await Store.Initialized.WithTimeout();

        Dispatcher.Dispatch(new Explode());
        await shown.Task.WithTimeout();

        var error = snackbar.ShownSnackbars.First();
        error.Severity.ShouldBe(Severity.Error);
        error.Message.ShouldBe(StoreInitializer.EffectFailedMessage);
    }
}
