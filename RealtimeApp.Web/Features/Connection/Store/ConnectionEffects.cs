using MudBlazor;
using RealtimeApp.Web.State;

namespace RealtimeApp.Web.Features.Connection.Store;

/// <summary>Tells the user, once the circuit is back, that it was lost and has been restored.</summary>
public sealed class ConnectionEffects(ISnackbar snackbar)
{
    public const string ReconnectedMessage = "Reconnected";

    [EffectMethod(typeof(ConnectionRestored))]
    public Task ShowReconnectedAsync(IDispatcher dispatcher)
    {
        snackbar.Add(ReconnectedMessage, Severity.Success);
        return Task.CompletedTask;
    }
}
