using MudBlazor;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.State;

namespace RealtimeApp.Web.Features.Shell;

/// <summary>Shows a failed effect as an error snackbar; the store has logged the details.</summary>
public sealed class SnackbarStoreErrorPresenter(ISnackbar snackbar) : IStoreErrorPresenter
{
    /// <summary>What the user sees when an effect fails.</summary>
    public const string EffectFailedMessage = "Something went wrong in the background. It has been logged; reload the page if data looks stale.";

    public void ShowEffectFailed(Exception exception) =>
        snackbar.Add(StoreUnavailable.Is(exception) ? StoreUnavailable.Message : EffectFailedMessage, Severity.Error);
}
