namespace RealtimeApp.Web.State;

/// <summary>
/// Tells the user that an effect failed, so a failure is never silent (its details go to the log).
/// <see cref="StoreInitializer"/> calls it for every <see cref="IStore.UnhandledException"/>; the app registers one built
/// on its UI library.
/// </summary>
public interface IStoreErrorPresenter
{
    /// <summary>Called on the circuit's renderer, once per failed effect.</summary>
    void ShowEffectFailed(Exception exception);
}
