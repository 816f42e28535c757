using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using RealtimeApp.Tests.State.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Shell;
using RealtimeApp.Web.State;

namespace RealtimeApp.Tests.Features.Shell;

public sealed class SnackbarStoreErrorPresenterTests() : FluxorTestContext(
    options => options.ScanTypes(typeof(CounterState), typeof(ThrottledCounterState), typeof(CounterReducers), typeof(ThrowingEffects)),
    services => services.AddScoped<IStoreErrorPresenter, SnackbarStoreErrorPresenter>())
{
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
        error.Message.ShouldBe(SnackbarStoreErrorPresenter.EffectFailedMessage);
    }

    [Fact]
    public void ShowEffectFailed_SaysTheStoreIsUnavailable_WhenTheDatabaseCannotBeReached()
    {
        var snackbar = Services.GetRequiredService<ISnackbar>();
        var presenter = new SnackbarStoreErrorPresenter(snackbar);

        presenter.ShowEffectFailed(new Npgsql.NpgsqlException("Failed to connect", new TimeoutException()));

        snackbar.ShownSnackbars.ShouldHaveSingleItem().Message.ShouldBe(StoreUnavailable.Message);
    }
}
