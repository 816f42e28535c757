namespace RealtimeApp.Web.State;

/// <summary>Something that says when a state changed.</summary>
public interface IStateChangedNotifier
{
    /// <summary>
    /// Raised after an action changed the state (a reducer returned a different instance).
    /// It may be raised on any thread: components re-render through <c>InvokeAsync</c>.
    /// </summary>
    event EventHandler? StateChanged;
}
